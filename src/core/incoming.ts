/** What adapters hand to the core: a command line or a button press, with who and where. */

/** The platforms the bot speaks on. */
export type PlatformName = "slack" | "teams" | "console";

/** A person as the platform identifies them. */
export interface Identity {
  platform: PlatformName;
  userId: string;
  displayName: string;
  email?: string;
  /** Set by the adapter when the workspace is the one the bot is configured for (bare SECOPS_ADMINS ids match there). */
  homeWorkspace?: boolean;
  /** Set by the adapter when the platform vouches for `email` (the Slack workspace's verified domain, the configured tenant). */
  emailVerified?: boolean;
}

/** Where an event happened; `workspace` keeps tenants apart (Slack team, Teams tenant, console). */
export interface ConversationRef {
  platform: PlatformName;
  workspace: string;
  id: string;
  kind: "channel" | "group" | "personal";
  threadId?: string;
}

/** What the adapter can do, so the core degrades instead of naming platforms. */
export interface Capabilities {
  ephemeral: boolean;
  forms: boolean;
  threads: boolean;
  updateInPlace: boolean;
  images: boolean;
  /** Forms can take an uploaded file (a Slack modal's file_input). */
  fileInput?: boolean;
}

/** A file sent with a command (a workbook or CSV for `import`); adapters read at most MAX_IMPORT_BYTES + 1 bytes of it. */
export interface IncomingFile {
  name: string;
  /** The size the platform reports, which may exceed the bytes read. */
  size: number;
  bytes: Uint8Array;
}

/** The largest file `import` accepts: 10 MB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Inbound event, already parsed by an adapter. Mentions map a token in `text` (e.g. `@U123`) to a person. */
export type Incoming =
  | {
      kind: "command";
      text: string;
      /** Files shared with the command, already downloaded by the adapter. */
      files?: IncomingFile[];
      actor: Identity;
      conversation: ConversationRef;
      mentions: Record<string, Identity>;
      capabilities: Capabilities;
    }
  | {
      kind: "action";
      actionId: string;
      value: string;
      inputs?: Record<string, string>;
      /** Files uploaded with a form, already downloaded by the adapter. */
      files?: IncomingFile[];
      actor: Identity;
      conversation: ConversationRef;
      mentions: Record<string, Identity>;
      capabilities: Capabilities;
    };
