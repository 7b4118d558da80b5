// The only place in Dragoman that includes libxml2 headers (HTML pages of news items, TMX).
#ifndef DRAGOMAN_CLIBXML2_SHIM_H
#define DRAGOMAN_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU and its encoding header includes ICU's: rename the enum
// tags that Foundation's private ICU defines differently, as the CICU shim does.
#define UErrorCode CICU_UErrorCode
#define UProperty CICU_UProperty
#define UBlockCode CICU_UBlockCode
#define UScriptCode CICU_UScriptCode
#define UJoiningGroup CICU_UJoiningGroup
#define ULineBreak CICU_ULineBreak
#define UIndicSyllabicCategory CICU_UIndicSyllabicCategory

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif
