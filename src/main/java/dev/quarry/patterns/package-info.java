/**
 * Pattern files: the JSON Lines format of spaCy's EntityRuler and Prodigy, parsed into
 * {@link dev.quarry.patterns.Pattern}s, validated with {@code file:line:column} errors, and written back out.
 * Nothing here matches text: see {@code dev.quarry.matching}.
 *
 * <p><b>Where to start.</b> {@link dev.quarry.patterns.PatternFiles#load} reads a file or a directory of
 * {@code *.jsonl} files and throws a {@link dev.quarry.patterns.PatternException} listing every problem;
 * {@link dev.quarry.patterns.PatternFiles#check} validates and lints without throwing;
 * {@link dev.quarry.patterns.PatternFiles#write} writes patterns back. {@link dev.quarry.patterns.PatternReader}
 * reads one file or one line, {@link dev.quarry.patterns.PatternWriter} writes one line. The model:
 * {@link dev.quarry.patterns.PhrasePattern}, {@link dev.quarry.patterns.TokenPattern},
 * {@link dev.quarry.patterns.TokenSpec}, {@link dev.quarry.patterns.Constraint},
 * {@link dev.quarry.patterns.Predicate}, {@link dev.quarry.patterns.Quantifier}. Everything here is immutable or
 * stateless, and thread-safe.
 *
 * <h2>The format</h2>
 *
 * <p>A pattern file is UTF-8 text with one JSON object per line (a byte-order mark is allowed, line breaks are
 * {@code \n}, {@code \r\n} or {@code \r}). Blank lines are skipped. It is plain JSON: no comments, no trailing
 * commas, no single quotes, and no object spread over several lines. Every line is one pattern:
 * <pre>{@code
 * {"label": "DISEASE", "pattern": "breast cancer", "id": "D001943"}
 * {"label": "ORG", "pattern": [{"LOWER": "apple"}, {"LOWER": "inc", "OP": "?"}]}
 * }</pre>
 * <ul>
 *   <li>{@code label}: a non-empty string. Required.</li>
 *   <li>{@code pattern}: a non-empty string (a <em>phrase pattern</em>) or a non-empty list of token specs (a
 *       <em>token pattern</em>). Required.</li>
 *   <li>{@code id}: a non-empty string or a JSON number; a number is kept as the text it was typed as
 *       ({@code 1.50} stays {@code 1.50}) and written back as a number. {@code null} is the same as no id.</li>
 * </ul>
 * Keys are case-insensitive everywhere ({@code "Label"}, {@code "lower"}, {@code "op"}, {@code "in"}). A key
 * given twice (in any case) is an error, and so is an unknown key: nothing is silently ignored.
 *
 * <h3>Phrase patterns and {@code phrase_matcher_attr}</h3>
 *
 * <p>A phrase is tokenized with the same tokenizer as the text it is matched against and matches the same
 * sequence of tokens, compared on one attribute: {@code ORTH} (the exact text), {@code LOWER} or {@code NORM}
 * (lowercased and ASCII-folded, so {@code "Ménière"} matches {@code "meniere"}). A file chooses the attribute for all
 * of its phrase patterns with one line of its own, spaCy's EntityRuler setting, before any pattern:
 * <pre>{@code
 * {"phrase_matcher_attr": "LOWER"}
 * {"label": "ORG", "pattern": "Apple Inc."}
 * }</pre>
 * It may appear once per file, must be alone on its line, and takes {@code ORTH} (or {@code TEXT}),
 * {@code LOWER} or {@code NORM}. Without it, {@link dev.quarry.patterns.PhrasePattern#attr()} is null and the
 * matcher's default applies. spaCy itself does not read this line (there the setting is part of the
 * EntityRuler's configuration): drop it before giving the file to spaCy.
 *
 * <h3>Token specs</h3>
 *
 * <p>Each element of a token pattern's list is an object of attribute tests, all of which must hold for a token,
 * plus an optional {@code OP}. {@code {}} matches any token. The attributes (see
 * {@link dev.quarry.text.TokenAttributes} for their exact meaning):
 * <pre>{@code
 * {"label": "X", "pattern": [{"ORTH": "Apple"}]}        ORTH, or TEXT: the exact text       (string)
 * {"label": "X", "pattern": [{"LOWER": "apple"}]}       LOWER: lowercased text              (string)
 * {"label": "X", "pattern": [{"NORM": "meniere"}]}      NORM: lowercased, ASCII-folded      (string)
 * {"label": "X", "pattern": [{"SHAPE": "Xxxxx"}]}       SHAPE: Xxxx, dd, ... as spaCy       (string)
 * {"label": "X", "pattern": [{"LENGTH": 5}]}            LENGTH: in code points              (integer)
 * {"label": "X", "pattern": [{"IS_ALPHA": true}]}       IS_ALPHA, IS_ASCII, IS_DIGIT, IS_LOWER, IS_UPPER,
 * {"label": "X", "pattern": [{"LIKE_NUM": true}]}       IS_TITLE, IS_PUNCT, IS_SPACE, IS_STOP, LIKE_NUM,
 *                                                       LIKE_URL, LIKE_EMAIL                (boolean)
 * }</pre>
 * spaCy attributes that need a model or data Quarry does not have are rejected with a specific message:
 * {@code POS}, {@code TAG}, {@code MORPH} (a tagger), {@code LEMMA}, {@code DEP}, {@code HEAD}, {@code ENT_TYPE},
 * {@code ENT_IOB}, {@code ENT_ID}, {@code ENT_KB_ID}, {@code SENT_START}, {@code IS_SENT_START}, custom
 * extensions ({@code "_"}), and {@code PREFIX}, {@code SUFFIX}, {@code IS_BRACKET}, {@code IS_QUOTE},
 * {@code IS_LEFT_PUNCT}, {@code IS_RIGHT_PUNCT}, {@code IS_CURRENCY}, {@code IS_OOV}, {@code LANG} and the like.
 *
 * <h3>Values</h3>
 *
 * <p>A value is a literal of the attribute's type, or an object of operators, all of which must hold:
 * <pre>{@code
 * {"LOWER": "apple"}                          literal: equal
 * {"LOWER": {"IN": ["apple", "pear"]}}        one of the list (values of the attribute's type, at least one)
 * {"LOWER": {"NOT_IN": ["apple"]}}            none of the list
 * {"TEXT": {"REGEX": "^[A-Z][a-z]+$"}}        the expression is found in the value (Python's re.search);
 *                                             string attributes only
 * {"LENGTH": {">=": 3, "<=": 5}}              comparisons ==, !=, >=, <=, >, <: LENGTH only, integers
 * {"LOWER": {"IN": ["a", "b"], "REGEX": "^a"}}   several operators: all must hold
 * }</pre>
 * A {@code REGEX} is compiled with {@link java.util.regex.Pattern} and must compile; Python's named groups are
 * translated ({@code (?P<name>...)} to {@code (?<name>...)}, {@code (?P=name)} to {@code \k<name>}), other
 * differences between the dialects are not. spaCy's {@code FUZZY}, {@code INTERSECTS}, {@code IS_SUBSET} and
 * {@code IS_SUPERSET} are rejected.
 *
 * <h3>Operators ({@code OP})</h3>
 * <pre>{@code
 * {"LOWER": "inc", "OP": "?"}      zero or one token
 * {"IS_DIGIT": true, "OP": "+"}    one or more
 * {"OP": "*"}                      zero or more
 * {"LOWER": "not", "OP": "!"}      exactly one token, which must NOT pass the tests
 * {"LOWER": "very", "OP": "{2}"}   exactly 2;  "{2,4}" 2 to 4;  "{2,}" 2 or more;  "{,3}" 0 to 3
 * }</pre>
 * A range must allow at least one token ({@code {0}} is an error) and have n &lt;= m.
 *
 * <h2>Problems</h2>
 *
 * <p>Every problem names the file (as the caller named it), the line (from 1) and the column (from 1, in Unicode
 * code points: an emoji is one column, as in Quarry's JSON offsets) of the offending key or value, says the rule
 * and shows the actual value (shortened):
 * <pre>{@code
 * patterns/diseases.jsonl:12:10: error: "label" must be a non-empty string, got 42
 * patterns/orgs.jsonl:3:2: error: unknown key "lable", expected one of label, pattern, id
 * patterns/orgs.jsonl:4:31: error: "pattern[0].OP" must be one of !, ?, +, *, {n}, {n,m}, {n,}, {,m}, got "++"
 * patterns/orgs.jsonl:7:29: error: malformed JSON: comments are not allowed; pattern files are plain JSON
 * }</pre>
 * {@link dev.quarry.patterns.Problem#field()} gives the place as a JSON path ({@code pattern[1].LOWER.IN[0]}). A
 * file is validated whole: all problems are collected, up to {@value dev.quarry.patterns.PatternReader#MAX_PROBLEMS},
 * then counted in a last {@code "... and N more problems"}.
 *
 * <p>{@link dev.quarry.patterns.PatternFiles#check} adds, over all files together, warnings for: exact duplicates
 * (same label and pattern; the earlier line is named), the same phrase under two labels, phrases of one label that
 * match the same tokens, token patterns that can match zero tokens, and {@code {"OP": "!"}} without tests; and an
 * error for a phrase that the tokenizer turns into no tokens. These point at a line, not a column.
 *
 * <h2>Writing</h2>
 *
 * <p>{@link dev.quarry.patterns.PatternWriter} writes one compact line per pattern, keys in the order
 * {@code label}, {@code pattern}, {@code id}, and is lossless: reading what it wrote gives equal patterns,
 * including the spelling of attribute keys and {@code OP} values and numeric ids (see its documentation for the
 * exact meaning). {@link dev.quarry.patterns.PatternFiles#write} writes the {@code phrase_matcher_attr} line
 * first when all phrase patterns share one non-null attr, and refuses lists whose phrase patterns disagree.
 */
package dev.quarry.patterns;
