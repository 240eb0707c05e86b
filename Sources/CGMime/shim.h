// SPDX-License-Identifier: Apache-2.0
// GMime 3 for e-mail newsletters: MIME structure, transfer encodings, RFC 2047 headers and
// charset conversion. GObject's cast macros are not visible to Swift; the helpers below do the
// checked casts and type tests that the Swift side needs.
#pragma once
#include <gmime/gmime.h>

static inline GMimeObject *newsd_gmime_object(void *pointer) { return GMIME_OBJECT(pointer); }
static inline int newsd_gmime_is_multipart(GMimeObject *object) { return GMIME_IS_MULTIPART(object); }
static inline int newsd_gmime_is_part(GMimeObject *object) { return GMIME_IS_PART(object); }
static inline int newsd_gmime_is_message_part(GMimeObject *object) { return GMIME_IS_MESSAGE_PART(object); }
static inline GMimeMultipart *newsd_gmime_multipart(GMimeObject *object) { return GMIME_MULTIPART(object); }
static inline GMimePart *newsd_gmime_part(GMimeObject *object) { return GMIME_PART(object); }
static inline GMimeMessagePart *newsd_gmime_message_part(GMimeObject *object) { return GMIME_MESSAGE_PART(object); }
static inline int newsd_gmime_is_text_part(GMimeObject *object) { return GMIME_IS_TEXT_PART(object); }
static inline GMimeTextPart *newsd_gmime_text_part(GMimeObject *object) { return GMIME_TEXT_PART(object); }
static inline int newsd_internet_address_is_mailbox(InternetAddress *address) { return INTERNET_ADDRESS_IS_MAILBOX(address); }
static inline const char *newsd_internet_address_mailbox_addr(InternetAddress *address) {
    return internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
}
static inline GMimeStream *newsd_gmime_stream(void *pointer) { return GMIME_STREAM(pointer); }
static inline GMimeStreamMem *newsd_gmime_stream_mem(GMimeStream *stream) { return GMIME_STREAM_MEM(stream); }
static inline void newsd_g_object_unref(void *pointer) { g_object_unref(pointer); }
