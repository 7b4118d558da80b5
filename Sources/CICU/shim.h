// The only place in Dragoman that includes ICU headers.
//
// Two things make system ICU usable from Swift:
// 1. Enum tags that Foundation's private ICU defines differently are renamed before the
//    includes, so a Swift file may import both Foundation and this module.
// 2. ICU exports every C function under a versioned macro name (ubrk_open -> ubrk_open_72),
//    which Swift cannot import; each function we use is re-exposed as a static inline
//    wrapper with its plain name.
#ifndef DRAGOMAN_CICU_SHIM_H
#define DRAGOMAN_CICU_SHIM_H

#define UErrorCode CICU_UErrorCode
#define UProperty CICU_UProperty
#define UBlockCode CICU_UBlockCode
#define UScriptCode CICU_UScriptCode
#define UJoiningGroup CICU_UJoiningGroup
#define ULineBreak CICU_ULineBreak
#define UIndicSyllabicCategory CICU_UIndicSyllabicCategory

#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

static inline int cicu_success(UErrorCode code) { return U_SUCCESS(code) ? 1 : 0; }
static inline int32_t cicu_done(void) { return UBRK_DONE; }

#undef ubrk_open
static inline UBreakIterator* ubrk_open(UBreakIteratorType type, const char *locale, const UChar *text, int32_t textLength, UErrorCode *status) { return U_ICU_ENTRY_POINT_RENAME(ubrk_open)(type, locale, text, textLength, status); }
#undef ubrk_close
static inline void ubrk_close(UBreakIterator *bi) { U_ICU_ENTRY_POINT_RENAME(ubrk_close)(bi); }
#undef ubrk_clone
static inline UBreakIterator * ubrk_clone(const UBreakIterator *bi, UErrorCode *status) { return U_ICU_ENTRY_POINT_RENAME(ubrk_clone)(bi, status); }
#undef ubrk_setText
static inline void ubrk_setText(UBreakIterator* bi, const UChar* text, int32_t textLength, UErrorCode* status) { U_ICU_ENTRY_POINT_RENAME(ubrk_setText)(bi, text, textLength, status); }
#undef ubrk_first
static inline int32_t ubrk_first(UBreakIterator *bi) { return U_ICU_ENTRY_POINT_RENAME(ubrk_first)(bi); }
#undef ubrk_next
static inline int32_t ubrk_next(UBreakIterator *bi) { return U_ICU_ENTRY_POINT_RENAME(ubrk_next)(bi); }
#undef ubrk_current
static inline int32_t ubrk_current(const UBreakIterator *bi) { return U_ICU_ENTRY_POINT_RENAME(ubrk_current)(bi); }
#undef ubrk_following
static inline int32_t ubrk_following(UBreakIterator *bi, int32_t offset) { return U_ICU_ENTRY_POINT_RENAME(ubrk_following)(bi, offset); }
#undef ubrk_preceding
static inline int32_t ubrk_preceding(UBreakIterator *bi, int32_t offset) { return U_ICU_ENTRY_POINT_RENAME(ubrk_preceding)(bi, offset); }
#undef ubrk_getRuleStatus
static inline int32_t ubrk_getRuleStatus(UBreakIterator *bi) { return U_ICU_ENTRY_POINT_RENAME(ubrk_getRuleStatus)(bi); }
#undef ubrk_isBoundary
static inline UBool ubrk_isBoundary(UBreakIterator *bi, int32_t offset) { return U_ICU_ENTRY_POINT_RENAME(ubrk_isBoundary)(bi, offset); }
#undef unorm2_getNFCInstance
static inline const UNormalizer2 * unorm2_getNFCInstance(UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(unorm2_getNFCInstance)(pErrorCode); }
#undef unorm2_getNFKCInstance
static inline const UNormalizer2 * unorm2_getNFKCInstance(UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(unorm2_getNFKCInstance)(pErrorCode); }
#undef unorm2_getNFDInstance
static inline const UNormalizer2 * unorm2_getNFDInstance(UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(unorm2_getNFDInstance)(pErrorCode); }
#undef unorm2_normalize
static inline int32_t unorm2_normalize(const UNormalizer2 *norm2, const UChar *src, int32_t length, UChar *dest, int32_t capacity, UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(unorm2_normalize)(norm2, src, length, dest, capacity, pErrorCode); }
#undef unorm2_isNormalized
static inline UBool unorm2_isNormalized(const UNormalizer2 *norm2, const UChar *s, int32_t length, UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(unorm2_isNormalized)(norm2, s, length, pErrorCode); }
#undef unorm2_spanQuickCheckYes
static inline int32_t unorm2_spanQuickCheckYes(const UNormalizer2 *norm2, const UChar *s, int32_t length, UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(unorm2_spanQuickCheckYes)(norm2, s, length, pErrorCode); }
#undef u_strToLower
static inline int32_t u_strToLower(UChar *dest, int32_t destCapacity, const UChar *src, int32_t srcLength, const char *locale, UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(u_strToLower)(dest, destCapacity, src, srcLength, locale, pErrorCode); }
#undef u_strToUpper
static inline int32_t u_strToUpper(UChar *dest, int32_t destCapacity, const UChar *src, int32_t srcLength, const char *locale, UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(u_strToUpper)(dest, destCapacity, src, srcLength, locale, pErrorCode); }
#undef u_strFoldCase
static inline int32_t u_strFoldCase(UChar *dest, int32_t destCapacity, const UChar *src, int32_t srcLength, uint32_t options, UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(u_strFoldCase)(dest, destCapacity, src, srcLength, options, pErrorCode); }
#undef u_errorName
static inline const char * u_errorName(UErrorCode code) { return U_ICU_ENTRY_POINT_RENAME(u_errorName)(code); }
#undef u_getVersion
static inline void u_getVersion(UVersionInfo versionArray) { U_ICU_ENTRY_POINT_RENAME(u_getVersion)(versionArray); }
#undef u_versionToString
static inline void u_versionToString(const UVersionInfo versionArray, char *versionString) { U_ICU_ENTRY_POINT_RENAME(u_versionToString)(versionArray, versionString); }
#undef u_strFromUTF8
static inline UChar* u_strFromUTF8(UChar *dest, int32_t destCapacity, int32_t *pDestLength, const char *src, int32_t srcLength, UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(u_strFromUTF8)(dest, destCapacity, pDestLength, src, srcLength, pErrorCode); }
#undef u_strToUTF8
static inline char* u_strToUTF8(char *dest, int32_t destCapacity, int32_t *pDestLength, const UChar *src, int32_t srcLength, UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(u_strToUTF8)(dest, destCapacity, pDestLength, src, srcLength, pErrorCode); }

#endif
