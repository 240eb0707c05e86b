// SPDX-License-Identifier: Apache-2.0
// libxml2's HTML and XML parsers, and its streaming XML reader (for feeds). Debian builds
// libxml2 with ICU, whose headers clash with Foundation's copy ("'UErrorCode' has different
// definitions"), so ICU is switched off before the parser headers see it.
#pragma once
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <stdlib.h>
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void newsd_xml_free(void *pointer) { xmlFree(pointer); }
