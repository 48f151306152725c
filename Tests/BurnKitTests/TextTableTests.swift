// TextTableTests: tables line up (numbers right-aligned) and render as Markdown.
import Testing
@testable import BurnKit

@Suite struct TextTableTests {
    let table = TextTable(headers: ["year", "revenue"], rows: [["2024", "$3.7B"], ["2025", "$11.6B"]])

    @Test func alignsNumbersRight() {
        #expect(table.render() == """
            year  revenue
            ----  -------
            2024    $3.7B
            2025   $11.6B

            """)
    }

    @Test func markdown() {
        #expect(table.render(.markdown) == """
            | year | revenue |
            | :-- | --: |
            | 2024 | $3.7B |
            | 2025 | $11.6B |

            """)
    }

    @Test func sessionTablesFollowTheStyle() throws {
        let session = Session()
        let printed = OutputBuffer()
        session.output = printed.append
        session.tableStyle = .markdown
        try session.run(source: "company A\nrevenue[2024] = 1B\nrevenue[2025] = 2B\ntable revenue in 2024..2025")
        #expect(printed.text == "| year | revenue |\n| :-- | --: |\n| 2024 | $1B |\n| 2025 | $2B |\n")
    }
}
