// SPDX-License-Identifier: Apache-2.0

extension ParsedQuery {
    /// A short guide to the query language for `newsq --help`; docs/QUERY.md has the full one.
    public static let helpExamples: String = """
        Query examples:
          sanctions bank              articles with both words (words are ANDed)
          "central bank"              the exact phrase
          oil -palm -"palm oil"       without a word or a phrase (also: NOT palm)
          russia OR ukraine           either word (also |); OR binds tighter than the implied AND
          (gas OR oil) pipeline       parentheses group
          econom*                     any word starting with econom
          NEAR(ceasefire talks, 5)    within 5 words of each other (also: ceasefire NEAR/5 talks)
          title:election              in the title; also author: source: section: tag: url: subtitle: body:
          title:(gas OR "oil price")  a field applies to a word, a phrase, a prefix or a group
          lang:en                     language (en also takes en-GB); repeat for either of several
          since:2025-03-01 until:2025-03-31
          date:2025-03  date:2025  date:2025-03-20..2025-03-27
          since:7d  since:2w  since:3m  since:1y  since:12h  date:today  date:yesterday
          sort:newest                 or sort:oldest, sort:relevance (the default)
        Dates are UTC days and filter on the publication date.
        """
}
