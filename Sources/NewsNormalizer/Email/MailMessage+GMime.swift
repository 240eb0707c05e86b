// SPDX-License-Identifier: Apache-2.0
import CGMime

extension MailMessage {
    /// `g_mime_init` must run once per process before any parse; a static `let` is initialised
    /// exactly once, thread-safely, on first use.
    private static let gmimeReady: Bool = {
        g_mime_init()
        return true
    }()

    /// Parses a message with GMime, or returns `nil` when GMime finds no message in the bytes.
    ///
    /// Every GObject created here is unreferenced before returning; everything read from the
    /// message (strings, the date) is copied into Swift values first. Objects GMime hands out
    /// "transfer none" (parts, address lists, the date) belong to the message and are not unreferenced.
    init?(parsing bytes: [UInt8]) {
        guard Self.gmimeReady else { return nil }
        let stream = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { g_mime_stream_mem_new_with_buffer($0.baseAddress, $0.count) }
        }
        guard let stream else { return nil }
        defer { newsd_g_object_unref(stream) }
        guard let parser = g_mime_parser_new_with_stream(stream) else { return nil }
        defer { newsd_g_object_unref(parser) }
        guard let message = g_mime_parser_construct_message(parser, nil) else { return nil }
        defer { newsd_g_object_unref(message) }
        self.init(message)
    }

    private init(_ message: UnsafeMutablePointer<GMimeMessage>) {
        self.init()
        subject = g_mime_message_get_subject(message).map { String(cString: $0) }
        if let list = g_mime_message_get_from(message) {
            for index in 0..<internet_address_list_length(list) {
                guard let address = internet_address_list_get_address(list, index) else { continue }
                let name = internet_address_get_name(address).map { String(cString: $0) }
                let mailbox =
                    newsd_internet_address_is_mailbox(address) != 0
                    ? newsd_internet_address_mailbox_addr(address).map { String(cString: $0) } : nil
                from.append(Mailbox(name: name, address: mailbox))
            }
        }
        if let date = g_mime_message_get_date(message) {
            // GTimeSpan is in microseconds.
            self.date = (Int64(g_date_time_to_unix(date)), Int(g_date_time_get_utc_offset(date) / 1_000_000))
        }
        listID = g_mime_object_get_header(newsd_gmime_object(message), "List-Id").map { String(cString: $0) }
        if let root = g_mime_message_get_mime_part(message) {
            collectBodies(root, depth: 0)
        }
    }

    /// Walks the MIME tree depth first, keeping the first HTML and the first plain-text body.
    /// Attachments are skipped; an attached message (`message/rfc822`) is read only when the outer
    /// message has no body of its own, as when a newsletter is forwarded.
    private mutating func collectBodies(_ object: UnsafeMutablePointer<GMimeObject>, depth: Int) {
        guard depth < 32 else { return }
        if newsd_gmime_is_multipart(object) != 0 {
            let multipart = newsd_gmime_multipart(object)
            for index in 0..<g_mime_multipart_get_count(multipart) {
                if let part = g_mime_multipart_get_part(multipart, index) { collectBodies(part, depth: depth + 1) }
            }
            return
        }
        if let disposition = g_mime_object_get_content_disposition(object),
            g_mime_content_disposition_is_attachment(disposition) != 0
        {
            return
        }
        if newsd_gmime_is_message_part(object) != 0 {
            guard html == nil, text == nil,
                let inner = g_mime_message_part_get_message(newsd_gmime_message_part(object)),
                let root = g_mime_message_get_mime_part(inner)
            else { return }
            collectBodies(root, depth: depth + 1)
            return
        }
        guard newsd_gmime_is_text_part(object) != 0, let type = g_mime_object_get_content_type(object) else { return }
        let isHTML = g_mime_content_type_is_type(type, "text", "html") != 0
        let isPlain = g_mime_content_type_is_type(type, "text", "plain") != 0
        guard (isHTML && html == nil) || (isPlain && text == nil) else { return }
        // Decodes the transfer encoding and converts the declared charset to UTF-8.
        guard let raw = g_mime_text_part_get_text(newsd_gmime_text_part(object)) else { return }
        defer { g_free(raw) }
        let body = String(cString: raw)
        if isHTML { html = body } else { text = body }
    }
}
