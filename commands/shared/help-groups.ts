/** How `help` groups the commands: by what a person does, each group with one example to copy. */

export interface HelpGroup {
  name: string;
  commands: readonly string[];
  example: string;
}

/** The groups in the order `help` shows them; a command in none of them is listed under "Also". */
export const HELP_GROUPS: readonly HelpGroup[] = [
  {
    name: "My work",
    commands: ["tasks", "task", "start", "block", "done", "reopen", "due"],
    example: "tasks mine overdue",
  },
  {
    name: "The plan",
    commands: [
      "plan",
      "assign",
      "unassign",
      "add",
      "rename",
      "remove",
      "restore",
      "skip",
      "unskip",
      "arealead",
      "digest",
    ],
    example: "assign S2 @dana due 2027-01-15",
  },
  {
    name: "Incidents",
    commands: ["alerts", "incident", "subscribe", "unsubscribe", "subscriptions", "asset", "assets", "oncall"],
    example: "incident 41001 assign me",
  },
  {
    name: "Training",
    commands: ["skills", "train", "trained", "training", "team"],
    example: "skills set hunting 2",
  },
  {
    name: "Settings",
    commands: ["me", "role", "roles", "help"],
    example: "me notify important",
  },
];
