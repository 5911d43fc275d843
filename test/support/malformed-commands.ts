/**
 * Command lines a careless or hostile person might type. Every one must be answered with a clear
 * reason and change nothing. Built from templates so each command meets each kind of mistake.
 */

const BAD_IDS = [
  "S9-1",
  "S1-999",
  "X1-1",
  "S1_2",
  "s1--2",
  "INV-",
  "GOV-0x1",
  "S1-2'; DROP TABLE tasks;--",
  "<!channel>",
  "@dana",
];
const BAD_DATES = [
  "2 days ago",
  "last week",
  "someday",
  "2026-13-01",
  "2026-02-30",
  "2019-01-01",
  "yesterday",
  "last friday",
  "the day after never",
  "31/31/2026",
  "friday or monday",
];
const BAD_PEOPLE = ["dana", "everyone", "<!channel>", "#general"];

/** The lines, each with what it exercises. */
export function malformedCommands(): string[] {
  const lines: string[] = [];
  for (const id of BAD_IDS) {
    for (const cmd of ["task", "start", "block", "done", "reopen", "unassign"]) lines.push(`${cmd} ${id}`);
    lines.push(`assign ${id} @dana`, `due ${id} friday`);
  }
  for (const date of BAD_DATES)
    lines.push(`assign S1-2 @dana due ${date}`, `due S1-2 ${date}`, `add S2 "Dated task" due ${date}`);
  for (const who of BAD_PEOPLE) lines.push(`assign S1-2 ${who}`, `role ${who} lead`);
  for (const cmd of ["task", "start", "done", "block", "reopen", "unassign", "due", "assign", "role", "add"])
    lines.push(cmd);
  for (const extra of ["please", "now", "--force", "S1-2", "'quoted extra'"]) {
    lines.push(
      `plan ${extra}`,
      `roles ${extra}`,
      `task S1-2 ${extra}`,
      `unassign S1-1 ${extra}`,
      `tasks open ${extra}`,
      `help plan ${extra}`,
    );
  }
  for (const role of ["root", "owner", "superuser", "ADMIN!", "lead,admin"]) lines.push(`role @dana ${role}`);
  for (const filter of ["urgent", "S5", "@", "all", "closed"]) lines.push(`tasks ${filter}`);
  for (const area of ["S0", "S5", "XYZ", "stage1", "S2-1", "*"]) lines.push(`add ${area} "Valid title"`);
  for (const title of ['"ab"', '"' + "t".repeat(121) + '"', '"unterminated', "'also unterminated"])
    lines.push(`add S2 ${title}`);
  for (const junk of [
    "frobnicate",
    "sudo assign",
    "rm -rf /",
    "DROP",
    "<!here>",
    "\u202eassign",
    "assign\u0000S1-2",
    "help\u001b[2J",
    "\u0007",
    "ｈｅｌｐ",
  ])
    lines.push(junk);
  for (const setting of [
    "me timezone Nowhere/City",
    "me timezone",
    "me hours 25-30",
    "me hours 9",
    "me hours 18-09",
    "me colour blue",
  ])
    lines.push(setting);
  lines.push("", "   ", "\t", "a".repeat(10_000), "assign S1-2 @dana " + "x".repeat(2100), "help nothing-here");
  return lines;
}
