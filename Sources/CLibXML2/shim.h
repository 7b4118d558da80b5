// The only place in Dragoman that includes libxml2 headers (HTML pages of news items).
#ifndef DRAGOMAN_CLIBXML2_SHIM_H
#define DRAGOMAN_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif
