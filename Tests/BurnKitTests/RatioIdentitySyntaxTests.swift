// RatioIdentitySyntaxTests: `identity m = a / b` and its product form `a = m * b` declare a ratio
// that solves all three ways; other shapes stay linear or are refused (issue 11, D6).
import BurnModel
import Testing
@testable import BurnKit

private func failure(_ script: String) -> String? {
    let session = Session()
    do { try session.run(source: script, name: "test.burn") } catch { return session.render(error) }
    return nil
}

@Suite struct RatioIdentitySyntaxTests {
    /// A user's own ratio, written as a product: 300 people at $2M of revenue each is $600M,
    /// and $600M over $2M a head is 300 people.
    @Test func theProductFormIsARatio() throws {
        let session = Session()
        try session.run(source: """
            metric headcount: number flow
            metric per_head: money flow
            identity revenue = per_head * headcount
            company A
            per_head[2024] = 2M
            headcount[2024] = 300
            per_head[2025] = 2M
            revenue[2025] = 600M
            """)
        #expect(session.format(try session.evaluate("A.revenue[2024]")) == "$600M")
        #expect(session.format(try session.evaluate("A.headcount[2025]")) == "300")
        let ratio = try #require(session.interpreter.world.state.allIdentities.last)
        #expect(ratio == .ratio(RatioIdentity("per_head", "revenue", "headcount", at: ratio.at)))
        #expect(ratio.description == "per_head = revenue / headcount")
    }

    @Test func otherShapesAreRefused() throws {
        let twice = try #require(failure("identity margin = margin / revenue\n"))
        #expect(twice.contains("error: a ratio identity needs three different metrics"))
        let byNumber = try #require(failure("identity margin = revenue / 2\n"))
        #expect(byNumber.contains("error: an identity adds and subtracts metrics (with constant factors), or divides one metric by another"))
        #expect(byNumber.contains("`identity margin = operating_income / revenue`"))
        let unknown = try #require(failure("identity margin = operating_incme / revenue\n"))
        #expect(unknown.contains("error: unknown metric 'operating_incme'"))
    }
}
