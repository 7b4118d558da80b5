// Snowball stemmers from Debian's libstemmer-dev (Turkish, German, English and more).
#ifndef DRAGOMAN_CSTEMMER_SHIM_H
#define DRAGOMAN_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
