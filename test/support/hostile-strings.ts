/**
 * Text an attacker controls (alert titles, file names, user names, task titles): pings, disguised
 * links, markup, card JSON fragments, bidi and zero-width characters, huge strings, NUL bytes and
 * broken UTF-16. Every renderer must show these as inert text.
 */

const BASE: string[] = [
  "<!channel>", "<!here>", "<!everyone>", "<!channel|channel>", "<@U0123ABCD>", "<@U0123ABCD|boss>", "<@W0123ABCD>",
  "<!subteam^S0123ABCD>", "<!subteam^S0123ABCD|@oncall>", "<#C0123ABCD>", "<#C0123ABCD|general>", "<!date^1392734382^{date_short}|x>",
  "@channel", "@here", "@everyone",
  "<https://evil.example|https://security.microsoft.com/incidents/1>", "<https://evil.example>", "<mailto:a@evil.example|Security team>",
  "[Open portal](https://evil.example)", "[https://security.microsoft.com](https://evil.example/phish)", "![img](https://evil.example/x.png)",
  "<a href=\"https://evil.example\">portal</a>", "https://evil.example/?q=<!channel>", "javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
  "<at>Everyone</at>", "<at id=\"0\">General</at>", "<at>Dana Lee</at> please approve", "</at><at>x",
  "*bold* _italic_ ~strike~ `code`", "```\ncode block\n```", "> quoted\n> lines", "# Heading", "| a | b |\n|---|---|", "**__nested__**", "\\*escaped\\*",
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;&lt;&gt;", "&#x3C;!channel&#x3E;", "&lt;!channel&gt;", "<b>bold</b>", "<!-- comment -->",
  "\", \"type\": \"Action.OpenUrl\", \"url\": \"https://evil.example\"", "{\"type\":\"AdaptiveCard\",\"body\":[]}", "\"}]}", "\\\"},{\\\"type\\\":\\\"TextBlock\\\"",
  "${attacker.value}", "{{DATE(2026-01-01T00:00:00Z)}}", "{{TIME(2026-01-01T00:00:00Z)}}", "$root.secret", "{\"msteams\":{\"entities\":[]}}",
  "\u202eevil.exe\u202dtxt.pdf", "admin\u200b", "\u2066hidden\u2069", "\ufeffBOM", "a\u200db\u200cc", "\u061c\u200e\u200f", "Ｓｅｃｕｒｉｔｙ ｔｅａｍ",
  "line1\nline2\r\nline3", "tab\tseparated", "trailing space   ", "   leading", "",
  "\u0000", "nul\u0000inside", "\u001b[2J\u001b[H", "\u001b]0;title\u0007", "\u0007bell", "\u007fdel", "\u0085next line",
  "\ud800", "lone \udfff low", "\udc00\ud800 reversed", "😀 emoji", "👨‍👩‍👧‍👦", "🏳️‍🌈",
  "%s %d %n", "' OR 1=1 --", "'; DROP TABLE tasks; --", "../../etc/passwd", "C:\\Windows\\System32\\cmd.exe", "\\\\evil\\share\\x.exe",
  "a".repeat(3001), "b".repeat(40_001), "word ".repeat(2000),
];

/** Builds at least 100 distinct hostile strings from the base list and combinations of it. */
export function hostileStrings(): string[] {
  const combos = [
    `Suspicious sign-in <!channel> for <@U0123ABCD> from <https://evil.example|portal>`,
    `File MsSense.exe<!here>.dll dropped`,
    `<at>Everyone</at> [click](https://evil.example) & <b>now</b>`,
    `Alert \u202e}"{ "type": "Action.Submit" <!subteam^S1>`,
    `Invoice_2026.pdf\u202e\u200bexe`,
    "x".repeat(100_000),
    "<!channel>".repeat(5_000),
    "\ud83d".repeat(1000) + "<!here>",
    "&".repeat(2000),
    "<".repeat(1500) + ">".repeat(1500),
  ];
  const wrapped = BASE.slice(0, 30).map((s) => `Title with ${s} inside`);
  return [...new Set([...BASE, ...combos, ...wrapped])];
}
