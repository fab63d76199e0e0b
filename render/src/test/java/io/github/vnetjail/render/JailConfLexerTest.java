package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The scanner rule by rule, as FreeBSD's {@code usr.sbin/jail/jaillex.l} has them: exact tokens
 * ({@code STR} for a first piece, {@code STR1} for one joined to it, {@code VAR}/{@code VAR1} for
 * variables), values, positions and error texts; then a seeded comparison with {@link
 * JailLexModel}, the flex rules run as written.
 */
class JailConfLexerTest {
  private static final String FILE = "/etc/jail.conf";

  static String describe(JailConfLexer lx) {
    switch (lx.kind) {
      case JailConfLexer.STR:
        return "STR[" + lx.value + "]";
      case JailConfLexer.STR1:
        return "STR1[" + lx.value + "]";
      case JailConfLexer.VAR:
        return "VAR[" + lx.value + "]";
      case JailConfLexer.VAR1:
        return "VAR1[" + lx.value + "]";
      case JailConfLexer.PLEQ:
        return "+=";
      case JailConfLexer.CHAR:
        return "'" + lx.value + "'";
      default:
        throw new AssertionError(lx.kind);
    }
  }

  /** The tokens of {@code src} up to (not including) EOF, described as above. */
  static String tokens(String src, JailConfDialect dialect) {
    JailConfLexer lx = new JailConfLexer(src, FILE, dialect);
    List<String> out = new ArrayList<>();
    while (lx.next() != JailConfLexer.EOF) {
      out.add(describe(lx));
    }
    return String.join(" ", out);
  }

  static String tokens(String src) {
    return tokens(src, JailConfDialect.FREEBSD_14);
  }

  /** Each token with where it starts (line:col), the line where it ends and its source text. */
  static String spans(String src) {
    JailConfLexer lx = new JailConfLexer(src, FILE, JailConfDialect.FREEBSD_14);
    List<String> out = new ArrayList<>();
    for (; ; ) {
      int k = lx.next();
      String text = lx.tokenText().replace("\n", "\\n");
      out.add(
          (k == JailConfLexer.EOF ? "EOF" : describe(lx))
              + "@"
              + lx.startLine
              + ":"
              + lx.startCol
              + "-"
              + lx.endLine
              + "<"
              + text
              + ">");
      if (k == JailConfLexer.EOF) {
        return String.join(" ", out);
      }
    }
  }

  static JailConfParseException error(String src, JailConfDialect dialect) {
    return catchThrowableOfType(
        JailConfParseException.class,
        () -> {
          JailConfLexer lx = new JailConfLexer(src, FILE, dialect);
          while (lx.next() != JailConfLexer.EOF) {
            // scan to the end or the error
          }
        });
  }

  static JailConfParseException error(String src) {
    return error(src, JailConfDialect.FREEBSD_14);
  }

  /** jail(8)'s message, then where the token that failed starts. */
  static String errorText(String src) {
    JailConfParseException e = error(src);
    assertThat(e).as("an error for %s", src).isNotNull();
    return e.jailMessage() + " @" + e.line() + ":" + e.column();
  }

  static List<String> comments(String src, JailConfDialect dialect) {
    JailConfLexer lx = new JailConfLexer(src, FILE, dialect);
    List<String> out = new ArrayList<>();
    int k;
    do {
      k = lx.next();
      for (JailConfLexer.RawComment c : lx.drainComments()) {
        out.add(c.line + ":" + c.text);
      }
    } while (k != JailConfLexer.EOF);
    return out;
  }

  // --- <_>[ \t\r\n]+  instr = 0;

  @Test
  void separatesPiecesAtSpaceTabNewlineAndCarriageReturn() {
    assertThat(tokens("a b\tc\nd\re \t\r\n f"))
        .isEqualTo("STR[a] STR[b] STR[c] STR[d] STR[e] STR[f]");
  }

  @Test
  void countsLinesAndColumnsAcrossWhitespace() {
    assertThat(spans(" a\n\tb \r\n  c\n"))
        .isEqualTo("STR[a]@1:2-1<a> STR[b]@2:2-2<b> STR[c]@3:3-3<c> EOF@4:1-4<>");
  }

  @Test
  void takesCarriageReturnAsAByteOfItsOwnOn13() {
    // 13.x's whitespace rule has no \r: it is returned as itself and does not end the piece.
    assertThat(tokens("a\rb \r c", JailConfDialect.FREEBSD_13))
        .isEqualTo("STR[a] '\r' STR1[b] '\r' STR[c]");
    assertThat(tokens("a \t\n b", JailConfDialect.FREEBSD_13)).isEqualTo("STR[a] STR[b]");
  }

  // --- <_>#.*  <_>\/\/.*  <_>\/\*...\*\/  instr = 0;

  @Test
  void skipsLineCommentsToTheEndOfTheLine() {
    assertThat(tokens("a # b c;\nd // e;\nf#g\nh//i")).isEqualTo("STR[a] STR[d] STR[f] STR[h]");
    assertThat(comments("a # b c;\nd // e;\nf#g\nh//i", JailConfDialect.FREEBSD_14))
        .containsExactly("1:# b c;", "2:// e;", "3:#g", "4://i");
  }

  @Test
  void dropsTheCarriageReturnOfACrlfLineFromALineComment() {
    assertThat(comments("# a\r\n// b\r\n#\r", JailConfDialect.FREEBSD_14))
        .containsExactly("1:# a", "2:// b", "3:#");
    assertThat(comments("#a\rb\n", JailConfDialect.FREEBSD_14)).containsExactly("1:#a\rb");
  }

  @Test
  void skipsBlockCommentsAndEndsThePieceThere() {
    assertThat(tokens("a/* x */b")).isEqualTo("STR[a] STR[b]");
    assertThat(tokens("a/* x */b", JailConfDialect.FREEBSD_13)).isEqualTo("STR[a] STR[b]");
    assertThat(spans("/* 1\n2 */ x")).isEqualTo("STR[x]@2:6-2<x> EOF@2:7-2<>");
  }

  @Test
  void endsABlockCommentAtTheFirstStarSlash() {
    assertThat(comments("/**/ /***/ /*/ */ /* * / **/ x */", JailConfDialect.FREEBSD_14))
        .containsExactly("1:/**/", "1:/***/", "1:/*/ */", "1:/* * / **/");
    assertThat(tokens("/**/ /***/ /*/ */ /* * / **/ x */")).isEqualTo("STR[x] STR[*] STR1[/]");
  }

  @Test
  void keepsABlockCommentsLinesWithLfEndings() {
    assertThat(comments("x;\r\n/* a\r\n b */", JailConfDialect.FREEBSD_14))
        .containsExactly("2:/* a\n b */");
  }

  @Test
  void takesASlashNotStartingACommentAsAPiece() {
    assertThat(tokens("a/b / c/")).isEqualTo("STR[a] STR1[/] STR1[b] STR[/] STR[c] STR1[/]");
    assertThat(tokens("/")).isEqualTo("STR[/]");
  }

  @Test
  void reportsAnUnterminatedCommentAtTheLineWhereTheFileEnds() {
    assertThat(errorText("x;\n  /* a\nb\n\n"))
        .isEqualTo("jail: /etc/jail.conf line 5: unterminated comment @2:3");
    assertThat(errorText("/*")).isEqualTo("jail: /etc/jail.conf line 1: unterminated comment @1:1");
    assertThat(errorText("/*/"))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated comment @1:1");
    assertThat(errorText("/* *"))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated comment @1:1");
  }

  @Test
  void reportsAnUnterminatedCommentAtItsFirstLineOn13() {
    JailConfParseException e = error("x;\n  /* a\nb\n\n", JailConfDialect.FREEBSD_13);

    assertThat(e.jailMessage()).isEqualTo("jail: /etc/jail.conf line 2: unterminated comment");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(3);
  }

  // --- <_>\+=  and  <_>[,;={}]  instr = 0; return ...

  @Test
  void returnsReservedTokensAndStartsANewValueAfterThem() {
    assertThat(tokens("a,b;c=d{e}f+=g"))
        .isEqualTo("STR[a] ',' STR[b] ';' STR[c] '=' STR[d] '{' STR[e] '}' STR[f] += STR[g]");
  }

  @Test
  void takesAPlusNotBeforeAnEqualsSignAsAPiece() {
    assertThat(tokens("a+b ++= +")).isEqualTo("STR[a] STR1[+] STR1[b] STR[+] += STR[+]");
    assertThat(spans("a +=b"))
        .isEqualTo("STR[a]@1:1-1<a> +=@1:3-1<+=> STR[b]@1:5-1<b> EOF@1:6-1<>");
  }

  // --- <_,DQ>[A-Za-z0-9_!%&()\-.:<>?@\[\]^`|~]+  and  <_,DQ>[$*+/\\]

  @Test
  void takesEveryWordCharacterIntoOnePiece() {
    String word = "azAZ09_!%&()-.:<>?@[]^`|~";

    assertThat(tokens(word)).isEqualTo("STR[" + word + "]");
    assertThat(spans(word + " x")).startsWith("STR[" + word + "]@1:1-1<" + word + "> STR[x]@1:27");
  }

  @Test
  void returnsEveryOtherAsciiByteAsItself() {
    StringBuilder seen = new StringBuilder();
    for (char c = 1; c < 0x80; c++) {
      if (c == '"' || c == '\'') {
        continue; // a lone quote is an unterminated string
      }
      String t = tokens(String.valueOf(c));
      if (t.equals("'" + c + "'")) {
        seen.append(c);
      }
    }
    // Whitespace, quotes, $ * + / \ # and the word characters are not single-byte tokens.
    StringBuilder expected = new StringBuilder();
    for (char c = 1; c < 0x20; c++) {
      if (c != '\t' && c != '\n' && c != '\r') {
        expected.append(c);
      }
    }
    expected.append(",;={}\u007f");
    assertThat(seen.toString()).isEqualTo(expected.toString());
  }

  @Test
  void takesStarAndDollarAsOneCharacterPieces() {
    assertThat(tokens("a*b$ $1 *"))
        .isEqualTo("STR[a] STR1[*] STR1[b] STR1[$] STR[$] STR1[1] STR[*]");
    assertThat(tokens("$")).isEqualTo("STR[$]");
  }

  @Test
  void returnsANonAsciiCharacterWholeAsASingleToken() {
    assertThat(tokens("caf\u00e9")).isEqualTo("STR[caf] '\u00e9'");
    assertThat(tokens("\ud83d\ude00x")).isEqualTo("'\ud83d\ude00' STR[x]");
    assertThat(tokens("\ud83dx")).isEqualTo("'\ud83d' STR[x]");
    assertThat(tokens("x\ud83d")).isEqualTo("STR[x] '\ud83d'");
    assertThat(spans("\ud83d\ude00 y"))
        .isEqualTo("'\ud83d\ude00'@1:1-1<\ud83d\ude00> STR[y]@1:4-1<y> EOF@1:5-1<>");
  }

  @Test
  void endsTheInputAtAnUnquotedNul() {
    assertThat(spans("ab\0cd")).isEqualTo("STR[ab]@1:1-1<ab> EOF@1:3-1<>");
    assertThat(tokens("\0")).isEmpty();
  }

  // --- <_,DQ>\\(.|\n|[0-7]{1,3}|x[0-9A-Fa-f]{1,2})

  @Test
  void decodesTheLetterEscapes() {
    assertThat(tokens("\\a\\b\\f\\n\\r\\t\\v"))
        .isEqualTo("STR[\u0007] STR1[\b] STR1[\f] STR1[\n] STR1[\r] STR1[\t] STR1[\u000b]");
    assertThat(tokens("\\q\\\\\\\"\\'\\$\\ \\{"))
        .isEqualTo("STR[q] STR1[\\] STR1[\"] STR1['] STR1[$] STR1[ ] STR1[{]");
  }

  @Test
  void takesOneToThreeOctalDigits() {
    assertThat(tokens("\\0\\7\\8\\101\\1012\\12\\377"))
        .isEqualTo("STR[] STR1[\u0007] STR1[8] STR1[A] STR1[A] STR1[2] STR1[\n] STR1[\u00ff]");
    assertThat(tokens("\\/")).isEqualTo("STR[/]");
  }

  @Test
  void keepsTheLowEightBitsOfAnOctalEscape() {
    // *d is a char: \400 is 256, which is NUL and ends the value; \777 is 0xff.
    assertThat(tokens("\\400 \\777 \\401")).isEqualTo("STR[] STR[\u00ff] STR[\u0001]");
  }

  @Test
  void takesOneOrTwoHexDigits() {
    assertThat(tokens("\\x41\\x4a\\x4A\\x7\\x414"))
        .isEqualTo("STR[A] STR1[J] STR1[J] STR1[\u0007] STR1[A] STR1[4]");
    assertThat(tokens("\\x0a \\x9F \\xfa \\xAf \\xF \\xf \\x9 \\x0"))
        .isEqualTo(
            "STR[\n] STR[\u009f] STR[\u00fa] STR[\u00af] STR[\u000f] STR[\u000f] STR[\t] STR[]");
    assertThat(spans("\\x41g")).isEqualTo("STR[A]@1:1-1<\\x41> STR1[g]@1:5-1<g> EOF@1:6-1<>");
  }

  @Test
  void takesTheDigitsThereAreWhenTheInputEndsInsideAnEscape() {
    assertThat(tokens("\\1")).isEqualTo("STR[\u0001]");
    assertThat(tokens("\\12")).isEqualTo("STR[\n]");
    assertThat(tokens("\\x4")).isEqualTo("STR[\u0004]");
    assertThat(tokens("'\\x4'")).isEqualTo("STR[\u0004]");
    assertThat(tokens("'\\12'")).isEqualTo("STR[\n]");
  }

  @Test
  void readsABackslashXWithoutHexDigitsAsNul() {
    assertThat(tokens("\\xg \\xG \\x: \\x/ \\x@ \\x` \\x"))
        .isEqualTo(
            "STR[] STR1[g] STR[] STR1[G] STR[] STR1[:] STR[] STR1[/] STR[] STR1[@] STR[] STR1[`] STR[]");
  }

  @Test
  void removesAnEscapedNewline() {
    assertThat(spans("a\\\nb"))
        .isEqualTo("STR[a]@1:1-1<a> STR1[]@1:2-2<\\\\n> STR1[b]@2:1-2<b> EOF@2:2-2<>");
  }

  @Test
  void readsALoneBackslashAtTheEndAsAnEmptyPiece() {
    assertThat(spans("a\\")).isEqualTo("STR[a]@1:1-1<a> STR1[]@1:2-1<\\> EOF@1:3-1<>");
    assertThat(tokens("\\")).isEqualTo("STR[]");
    assertThat(tokens("\\\0")).isEqualTo("STR[]");
  }

  // --- <_>'([^\'\\]|\\(.|\n))*'

  @Test
  void readsSingleQuotedStringsWithEscapesAndNoVariables() {
    assertThat(tokens("'a b' '' 'a\\'b' '$x ${y}' 'a\"b' '\\n\\x41\\101'"))
        .isEqualTo("STR[a b] STR[] STR[a'b] STR[$x ${y}] STR[a\"b] STR[\nAA]");
    assertThat(tokens("a'b'c")).isEqualTo("STR[a] STR1[b] STR1[c]");
  }

  @Test
  void letsASingleQuotedStringRunOverLines() {
    assertThat(spans("'a\nb' 'c\\\nd'"))
        .isEqualTo("STR[a\nb]@1:1-2<'a\\nb'> STR[cd]@2:4-3<'c\\\\nd'> EOF@3:3-3<>");
  }

  @Test
  void cutsAQuotedValueAtANulByte() {
    assertThat(tokens("'a\0b' \"c\0d\" \"e\\0f\" 'g\\x00h'"))
        .isEqualTo("STR[a] STR[c] STR[e] STR[g]");
  }

  @Test
  void reportsAnUnterminatedSingleQuotedStringAtItsFirstLine() {
    assertThat(errorText("x;\n  'abc"))
        .isEqualTo("jail: /etc/jail.conf line 2: unterminated string @2:3");
    assertThat(errorText("'ab\ncd"))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated string @1:1");
    assertThat(errorText("'a\\'"))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated string @1:1");
    assertThat(errorText("'a\\"))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated string @1:1");
    assertThat(errorText("'a\\\nb"))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated string @1:1");
  }

  // --- <_>\"...\" and <DQ>[^\"$\\]...\" : text2lval stops at a $ and scanning goes on in DQ

  @Test
  void readsADoubleQuotedStringWithoutVariablesAsOnePiece() {
    assertThat(tokens("\"a b\" \"\" \"a\\\"b\" \"a\\$b\" \"'\" \"#;{}=,+= /* //\""))
        .isEqualTo("STR[a b] STR[] STR[a\"b] STR[a$b] STR['] STR[#;{}=,+= /* //]");
    assertThat(spans("\"a\nb\" \"c\\\nd\""))
        .isEqualTo("STR[a\nb]@1:1-2<\"a\\nb\"> STR[cd]@2:4-3<\"c\\\\nd\"> EOF@3:3-3<>");
  }

  @Test
  void splitsADoubleQuotedStringAtEachVariable() {
    assertThat(tokens("\"a$x b\"")).isEqualTo("STR[a] VAR1[x] STR1[ b]");
    assertThat(tokens("\"$x\"")).isEqualTo("STR[] VAR1[x]");
    assertThat(tokens("\"$x$y-$z\"")).isEqualTo("STR[] VAR1[x] VAR1[y] STR1[-] VAR1[z]");
    assertThat(tokens("\"a${b c}d\"")).isEqualTo("STR[a] VAR1[b c] STR1[d]");
    assertThat(tokens("q\"$x\"r")).isEqualTo("STR[q] STR1[] VAR1[x] STR1[r]");
  }

  @Test
  void givesEachPieceOfADoubleQuotedStringItsOwnSpan() {
    assertThat(spans("\"a$x\nb${y}\"c"))
        .isEqualTo(
            "STR[a]@1:1-1<\"a> VAR1[x]@1:3-1<$x> STR1[\nb]@1:5-2<\\nb> VAR1[y]@2:2-2<${y}>"
                + " STR1[c]@2:7-2<c> EOF@2:8-2<>");
  }

  @Test
  void readsEscapesAndLoneDollarsBetweenVariablesInDoubleQuotes() {
    assertThat(tokens("\"$x\\n\"")).isEqualTo("STR[] VAR1[x] STR1[\n]");
    assertThat(tokens("\"$x\\\\$y\"")).isEqualTo("STR[] VAR1[x] STR1[\\] VAR1[y]");
    assertThat(tokens("\"a$\"")).isEqualTo("STR[a] STR1[$]");
    assertThat(tokens("\"a$ b$1\"")).isEqualTo("STR[a] STR1[$] STR1[ b] STR1[$] STR1[1]");
    assertThat(tokens("\"$x*\" \"$x/\" \"$x+\""))
        .isEqualTo("STR[] VAR1[x] STR1[*] STR[] VAR1[x] STR1[/] STR[] VAR1[x] STR1[+]");
    assertThat(tokens("\"$x\\\"\"")).isEqualTo("STR[] VAR1[x] STR1[\"]");
  }

  @Test
  void keepsTheNextPieceJoinedAfterTheClosingQuote() {
    assertThat(tokens("\"$x\"y \"$x\"'z' \"$x\"\"w\""))
        .isEqualTo("STR[] VAR1[x] STR1[y] STR[] VAR1[x] STR1[z] STR[] VAR1[x] STR1[w]");
    assertThat(tokens("\"$x\";")).isEqualTo("STR[] VAR1[x] ';'");
  }

  @Test
  void readsABracedVariableInDoubleQuotesUpToAQuote() {
    assertThat(tokens("\"${a\\\"b}\"")).isEqualTo("STR[] VAR1[a\"b]");
    assertThat(errorText("\"${a\""))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated variable @1:2");
    assertThat(errorText("x\n\"${a\"b}\""))
        .isEqualTo("jail: /etc/jail.conf line 2: unterminated variable @2:2");
  }

  // "${a\\"}": the string rule closes at the quote after "\\", but in DQ the braced variable reads
  // '\' as a character and '\"' as an escape, so it runs past that quote: DQ goes on after it.

  @Test
  void staysInDqPastTheClosingQuoteAfterABracedVariableThatSwallowedIt() {
    assertThat(spans("\"${a\\\\\"}x"))
        .isEqualTo("STR[]@1:1-1<\"> VAR1[a\\\"]@1:2-1<${a\\\\\"}> STR1[x]@1:9-1<x> EOF@1:10-1<>");
    assertThat(tokens("\"${a\\\\\"}x-y*")).isEqualTo("STR[] VAR1[a\\\"] STR1[x-y] STR1[*]");
    assertThat(tokens("\"${a\\\\\"}\\n$b${c}"))
        .isEqualTo("STR[] VAR1[a\\\"] STR1[\n] VAR1[b] VAR1[c]");
  }

  @Test
  void hasNoCommentsOrPlusEqualsInDq() {
    assertThat(tokens("\"${a\\\\\"}//c")).isEqualTo("STR[] VAR1[a\\\"] STR1[/] STR1[/] STR1[c]");
    assertThat(tokens("\"${a\\\\\"}+=b")).isEqualTo("STR[] VAR1[a\\\"] STR1[+] '=' STR[b]");
    assertThat(tokens("\"${a\\\\\"}#c")).isEqualTo("STR[] VAR1[a\\\"]");
  }

  @Test
  void goesBackToTheInitialRulesAtACharacterDqHasNoRuleFor() {
    assertThat(tokens("\"${a\\\\\"}; b")).isEqualTo("STR[] VAR1[a\\\"] ';' STR[b]");
    assertThat(tokens("\"${a\\\\\"} b")).isEqualTo("STR[] VAR1[a\\\"] STR[b]");
    assertThat(tokens("\"${a\\\\\"}'b'")).isEqualTo("STR[] VAR1[a\\\"] STR1[b]");
  }

  @Test
  void readsDqTextUpToTheNextQuoteOfTheFile() {
    // In DQ, [^\"$\\]([^\"\\]|\\(.|\n))*\" runs to any later quote, over ';' and newlines.
    assertThat(tokens("\"${a\\\\\"}x; y = \"z"))
        .isEqualTo("STR[] VAR1[a\\\"] STR1[x; y = ] STR1[z]");
  }

  @Test
  void reportsAnUnterminatedDoubleQuotedString() {
    assertThat(errorText("x;\n  \"abc"))
        .isEqualTo("jail: /etc/jail.conf line 2: unterminated string @2:3");
    assertThat(errorText("\"a\\\""))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated string @1:1");
    assertThat(errorText("\"a\\"))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated string @1:1");
    assertThat(errorText("\"a$x\nb"))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated string @1:1");
  }

  // --- <_,DQ>$[A-Za-z_][A-Za-z_0-9]*

  @Test
  void readsABareVariableName() {
    assertThat(tokens("$a $z $A $Z $_ $a0z9_ $x.y"))
        .isEqualTo("VAR[a] VAR[z] VAR[A] VAR[Z] VAR[_] VAR[a0z9_] VAR[x] STR1[.y]");
    assertThat(tokens("a$b$c")).isEqualTo("STR[a] VAR1[b] VAR1[c]");
    assertThat(spans("$ab;")).isEqualTo("VAR[ab]@1:1-1<$ab> ';'@1:4-1<;> EOF@1:5-1<>");
  }

  @Test
  void takesADollarBeforeANonNameCharacterAsItself() {
    assertThat(tokens("$0 $@ $[ $`"))
        .isEqualTo("STR[$] STR1[0] STR[$] STR1[@] STR[$] STR1[[] STR[$] STR1[`]");
    assertThat(tokens("$a@ $a[ $a` $a: $a/"))
        .isEqualTo("VAR[a] STR1[@] VAR[a] STR1[[] VAR[a] STR1[`] VAR[a] STR1[:] VAR[a] STR1[/]");
  }

  // --- <_>$\{([^\n{}]|\\(.|\n))*\}

  @Test
  void readsABracedVariableWithEscapes() {
    assertThat(tokens("${a} ${a b.c} ${} ${a\\}b} ${\\x41} ${'\"}"))
        .isEqualTo("VAR[a] VAR[a b.c] VAR[] VAR[a}b] VAR[A] VAR['\"]");
    assertThat(tokens("${a\\\\}")).isEqualTo("VAR[a\\]");
    assertThat(tokens("x${a}y")).isEqualTo("STR[x] VAR1[a] STR1[y]");
  }

  @Test
  void readsAnEscapedNewlineInsideABracedVariable() {
    // The full rule takes \\\n as an escape; the partial one stops before the newline.
    assertThat(spans("${a\\\nb} c"))
        .isEqualTo("VAR[ab]@1:1-2<${a\\\\nb}> STR[c]@2:4-2<c> EOF@2:5-2<>");
  }

  @Test
  void keepsThePartialVariableRuleFromEscapingANewline() {
    // Only the full rule takes a backslash-newline escape; the partial rule stops at the
    // newline. So the full match, up to the brace after "x\", is the longest, and "y" follows.
    assertThat(tokens("${\\\nx\\}y")).isEqualTo("VAR[x}] STR1[y]");
  }

  @Test
  void readsAFinalBackslashInABracedVariableAsTheBrace() {
    // "${a\}": the backslash is a class character, so the full rule ends at the brace; text2lval
    // then reads the trimmed brace as the escaped character.
    assertThat(tokens("${a\\}")).isEqualTo("VAR[a}]");
    assertThat(tokens("${a\\}\nx")).isEqualTo("VAR[a}] STR[x]");
  }

  @Test
  void reportsAnUnterminatedVariable() {
    assertThat(errorText("x;\n  ${a"))
        .isEqualTo("jail: /etc/jail.conf line 2: unterminated variable @2:3");
    assertThat(errorText("${a\nb}"))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated variable @1:1");
    assertThat(errorText("${a{b}}"))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated variable @1:1");
    assertThat(errorText("${"))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated variable @1:1");
    assertThat(errorText("${a\\"))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated variable @1:1");
  }

  @Test
  void prefersTheLongerPartialVariableOverAShorterFullOne() {
    // "${a\}x": the full rule matches "${a\}" (5); the partial one reads "\}" as an escape and
    // matches "${a\}x" (6), which is longer, so flex reports an error.
    assertThat(errorText("${a\\}x"))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated variable @1:1");
    assertThat(errorText("${v\\\\} = V;"))
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated variable @1:1");
    // At a tie the full rule wins: it comes first.
    assertThat(tokens("${v\\\\}\n")).isEqualTo("VAR[v\\]");
    // With the closing brace there, the full rule is longest.
    assertThat(tokens("${a\\}x}")).isEqualTo("VAR[a}x]");
  }

  // --- The error text and the token's source

  @Test
  void namesTheFileAndTheTokensStartInAnError() {
    JailConfParseException e =
        catchThrowableOfType(
            JailConfParseException.class,
            () -> {
              JailConfLexer lx =
                  new JailConfLexer("a\n  b 'c", "j.conf", JailConfDialect.FREEBSD_14);
              while (lx.next() != JailConfLexer.EOF) {
                // scan
              }
            });

    assertThat(e.jailMessage()).isEqualTo("jail: j.conf line 2: unterminated string");
    assertThat(e.fileName()).isEqualTo("j.conf");
    assertThat(e.getMessage())
        .isEqualTo("jail: j.conf line 2: unterminated string (at j.conf:2:5)");
  }

  @Test
  void drainsEachCommentOnce() {
    JailConfLexer lx = new JailConfLexer("# a\nx # b\n", FILE, JailConfDialect.FREEBSD_14);

    assertThat(lx.drainComments()).isEmpty();
    assertThat(lx.next()).isEqualTo(JailConfLexer.STR);
    assertThat(lx.drainComments()).extracting(c -> c.line + ":" + c.text).containsExactly("1:# a");
    assertThat(lx.drainComments()).isEmpty();
    assertThat(lx.next()).isEqualTo(JailConfLexer.EOF);
    assertThat(lx.drainComments()).extracting(c -> c.line + ":" + c.text).containsExactly("2:# b");
  }

  // --- The whole scanner against the flex rules

  private static final List<String> ATOMS =
      List.of(
          "a",
          "Z",
          "_",
          "0",
          "7",
          "8",
          "9",
          "x",
          "f",
          "F",
          "g",
          ".",
          "-",
          "`",
          "@",
          "[",
          ":",
          "/",
          "*",
          "+",
          "=",
          "+=",
          ",",
          ";",
          "{",
          "}",
          "$",
          "${",
          "\\",
          "\\\\",
          "\"",
          "\"",
          "'",
          "#",
          "//",
          "/*",
          "*/",
          " ",
          "\t",
          "\n",
          "\n",
          "\r",
          "\r\n",
          "\0",
          "\u00e9",
          "\u65e5",
          "\u0001",
          "\\x",
          "\\0",
          "\\n",
          "$v",
          "${v}",
          "\"a\"",
          "'b'",
          "\"$v\"",
          "x;\n",
          "\"${a\\\\\"}");

  static String randomText(Random random) {
    StringBuilder b = new StringBuilder();
    int n = 1 + random.nextInt(14);
    for (int i = 0; i < n; i++) {
      b.append(ATOMS.get(random.nextInt(ATOMS.size())));
    }
    return b.toString();
  }

  /** The lexer's view in the model's terms: tokens up to EOF or the error, and the comments. */
  static JailLexModel.Result scan(String src) {
    JailConfLexer lx = new JailConfLexer(src, FILE, JailConfDialect.FREEBSD_14);
    List<JailLexModel.Token> tokens = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    try {
      for (; ; ) {
        int k = lx.next();
        lx.drainComments().forEach(c -> comments.add(c.text));
        tokens.add(
            new JailLexModel.Token(
                k, lx.value, lx.start, lx.end, lx.startLine, lx.startCol, lx.endLine));
        if (k == JailConfLexer.EOF) {
          return new JailLexModel.Result(tokens, comments, null, -1);
        }
      }
    } catch (JailConfParseException e) {
      lx.drainComments().forEach(c -> comments.add(c.text));
      return new JailLexModel.Result(tokens, comments, e.jailMessage(), lx.start);
    }
  }

  @Test
  void scansLikeTheFlexRulesOnTheTrickyTexts() {
    List<String> texts =
        List.of(
            "\"${a\\\\\"}x; y = \"z",
            "\"${a\\\\\"}+=b",
            "\"${a\\\\\"}//c",
            "\"${a\\\\\"}\\n$b${c}",
            "\"${a\\\"b}\"",
            "${a\\}x",
            "${a\\}x}",
            "${v\\\\} = V;",
            "${v\\\\}\n",
            "${a\\\nb} c",
            "${\\\nx\\}y",
            "\"a$x\nb${y}\"c",
            "\"$x\\\"\"",
            "/**/ /***/ /*/ */ /* * / **/ x */",
            "\\xg \\xG \\x: \\x/ \\x@ \\x` \\x",
            "\\0\\7\\8\\101\\1012\\12\\377\\400",
            "'a\\\nb",
            "\"a\\",
            "a\\");
    for (String src : texts) {
      assertThat(scan(src)).as(src).isEqualTo(JailLexModel.scan(src, FILE));
    }
  }

  @Test
  void scansLikeTheFlexRulesOnRandomTexts() {
    Random random = new Random(20260311L);
    int errors = 0;
    for (int i = 0; i < 3_000; i++) {
      String src = randomText(random);
      JailLexModel.Result expected = JailLexModel.scan(src, FILE);
      JailLexModel.Result actual = scan(src);

      assertThat(actual)
          .as(
              "%s",
              src.chars().mapToObj(c -> String.format("%02x", c)).collect(Collectors.joining(" ")))
          .isEqualTo(expected);
      if (expected.error() != null) {
        errors++;
      }
    }
    assertThat(errors).as("texts that end in an error").isBetween(600, 1_800);
  }
}
