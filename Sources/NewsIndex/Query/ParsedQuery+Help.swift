// SPDX-License-Identifier: Apache-2.0

extension ParsedQuery {
    /// A short guide to the query language for `newsq --help`, within 80 columns; docs/QUERY.md has the full
    /// one.
    public static let helpExamples: String = """
        Query examples:
          sanctions bank              articles with both words (words are ANDed)
          "central bank"              the exact phrase
          oil -palm -"palm oil"       without a word or a phrase (also: NOT palm)
          russia OR ukraine           either word (also |); OR binds tighter than AND
          (gas OR oil) pipeline       parentheses group
          econom*                     any word starting with econom
          NEAR(ceasefire talks, 5)    within 5 words of each other
          ceasefire NEAR/5 talks      the same, written between two words
          title:election              in the title
          author:smith source:bbc     also section: tag: url: subtitle: body:
          title:(gas OR "oil price")  a field takes a word, phrase, prefix or group
          lang:en                     language (en also takes en-GB)
          since:2025-03-01 until:2025-03-31
          date:2025-03  date:2025  date:2025-03-20..2025-03-27
          since:7d  since:2w  since:3m  since:1y  since:12h  date:today  date:yesterday
          sort:newest                 or sort:oldest, sort:relevance (the default)
        Dates are UTC days and filter on the publication date.
        """
}
