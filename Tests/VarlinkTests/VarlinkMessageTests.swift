// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import Varlink

@Suite struct VarlinkMessageTests {
    @Test func callRoundTrips() throws {
        let call = VarlinkCall(method: "io.newsd.Search", parameters: Data(#"{"query":"x"}"#.utf8), more: true)
        let decoded = try VarlinkMessage.decodeCall(VarlinkMessage.encodeCall(call))
        #expect(decoded.method == "io.newsd.Search")
        #expect(decoded.interface == "io.newsd")
        #expect(decoded.member == "Search")
        #expect(decoded.more)
        #expect(!decoded.oneway)
        let object = try JSONSerialization.jsonObject(with: decoded.parameters) as? [String: String]
        #expect(object == ["query": "x"])
    }

    @Test func missingParametersAreAnEmptyObject() throws {
        let decoded = try VarlinkMessage.decodeCall(Data(#"{"method":"org.varlink.service.GetInfo"}"#.utf8))
        #expect(String(decoding: decoded.parameters, as: UTF8.self) == "{}")
    }

    @Test(arguments: [#"[1,2]"#, #"{"parameters":{}}"#, "not json", #"{"method":"a.b","parameters":[1]}"#])
    func malformedCallsAreRejected(_ text: String) {
        #expect(throws: VarlinkMessage.MalformedMessage.self) { try VarlinkMessage.decodeCall(Data(text.utf8)) }
    }

    @Test func errorReplyNamesTheError() throws {
        let reply = try VarlinkMessage.decodeReply(VarlinkMessage.encodeError(.methodNotFound("io.newsd.Nope")))
        #expect(reply.error == "org.varlink.service.MethodNotFound")
        let parameters = try JSONSerialization.jsonObject(with: reply.parameters) as? [String: String]
        #expect(parameters == ["method": "io.newsd.Nope"])
    }

    @Test func replyParametersDecodeStraightIntoTheCallersType() throws {
        struct Answer: Decodable, Equatable { var total: Int }
        let reply = try VarlinkMessage.decodeReply(Data(#"{"parameters":{"total":3},"continues":true}"#.utf8))
        #expect(reply.continues)
        #expect(reply.error == nil)
        #expect(try reply.parameters(as: Answer.self, using: JSONDecoder()) == Answer(total: 3))
        struct Empty: Decodable {}
        _ = try VarlinkMessage.decodeReply(Data("{}".utf8)).parameters(as: Empty.self, using: JSONDecoder())
        #expect(throws: VarlinkMessage.MalformedMessage.self) { try VarlinkMessage.decodeReply(Data("[1]".utf8)) }
        #expect(throws: VarlinkMessage.MalformedMessage.self) {
            try VarlinkMessage.decodeReply(Data(#"{"continues":"yes"}"#.utf8))
        }
    }

    @Test func invalidParameterNamesTheField() {
        struct Request: Decodable { var query: String }
        let call = VarlinkCall(method: "a.B", parameters: Data(#"{"query": 3}"#.utf8))
        #expect(throws: VarlinkError.invalidParameter("query")) { try call.decodeParameters(Request.self) }
        let missing = VarlinkCall(method: "a.B", parameters: Data("{}".utf8))
        #expect(throws: VarlinkError.invalidParameter("query")) { try missing.decodeParameters(Request.self) }
    }
}
