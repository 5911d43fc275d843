/**
 * The Web API methods the fake Slack implements, with Slack's documented response shapes and error
 * codes: auth.test, chat.postMessage/update/postEphemeral, views.open/publish, team.info, users.info, conversations.open,
 * the files.uploadV2 pair and files.info.
 */

/** A person the fake knows (users.info). */
export interface FakeUser {
  id: string;
  name: string;
  displayName: string;
  realName?: string;
  email?: string;
}

/** What the fake remembers between calls. */
export interface FakeState {
  users: Map<string, FakeUser>;
  /** Channels the bot can see; `member: false` → not_in_channel, `archived` → is_archived. */
  channels: Map<string, { member: boolean; archived: boolean }>;
  /** Posted messages by `channel:ts`. */
  messages: Map<string, { channel: string; ts: string; text: unknown; blocks: unknown; threadTs?: unknown }>;
  triggers: Map<string, { issued: number; used: boolean }>;
  ts: number;
  views: number;
  /** files.getUploadURLExternal reservations by file id, until completed. */
  pendingUploads: Map<string, { filename: string; length: number; altText?: string }>;
  uploadUrlBase: string;
  /** files.completeUploadExternal calls that shared files: where, with which comment and thread. */
  completed: { fileIds: string[]; titles: string[]; channel?: string; threadTs?: string; comment?: string }[];
  /** Files people uploaded (a modal's file_input, a message), by id: what files.info describes and the download serves. */
  files: Map<string, StoredFile>;
  /** The base of private download URLs (`<base><team>-<id>/download/<name>`). */
  privateUrlBase: string;
}

/** A file a person uploaded to the fake workspace. */
export interface StoredFile {
  id: string;
  name: string;
  user: string;
  bytes: Buffer;
  /** The size files.info reports (defaults to the bytes' length). */
  size: number;
  /** Stored outside Slack (Google Drive, say): no url_private_download. */
  external?: boolean;
  /** The download answers with a redirect here instead of the bytes. */
  redirectTo?: string;
}

/** files.info's `file` object for a stored file, in Slack's documented shape. */
export function fileObject(f: StoredFile, state: FakeState): Record<string, unknown> {
  const ext = /\.([a-z0-9]+)$/i.exec(f.name)?.[1]?.toLowerCase() ?? "binary";
  const mimetype =
    ext === "xlsx"
      ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      : ext === "csv"
        ? "text/csv"
        : "application/octet-stream";
  const path = `${FAKE_TEAM.team_id}-${f.id}/${encodeURIComponent(f.name)}`;
  return {
    id: f.id,
    created: 1_700_000_000,
    timestamp: 1_700_000_000,
    name: f.name,
    title: f.name,
    mimetype,
    filetype: ext,
    pretty_type: ext.toUpperCase(),
    user: f.user,
    user_team: FAKE_TEAM.team_id,
    editable: false,
    size: f.size,
    mode: f.external ? "external" : "hosted",
    is_external: f.external === true,
    external_type: f.external ? "gdrive" : "",
    is_public: false,
    public_url_shared: false,
    display_as_bot: false,
    username: "",
    ...(f.external
      ? { url_private: "https://docs.google.com/spreadsheets/d/fake" }
      : {
          url_private: `${state.privateUrlBase}${path}`,
          url_private_download: `${state.privateUrlBase}${FAKE_TEAM.team_id}-${f.id}/download/${encodeURIComponent(f.name)}`,
        }),
    permalink: `https://fake-secops.slack.com/files/${f.user}/${f.id}/${encodeURIComponent(f.name)}`,
    channels: [],
    groups: [],
    ims: [],
    comments_count: 0,
  };
}

type Args = Record<string, unknown>;

/** A workspace the fake serves: the ids auth.test and team.info report for its bot token. */
export interface FakeWorkspace {
  team_id: string;
  team: string;
  bot_user_id: string;
  bot_id: string;
  email_domain: string;
  /** The Enterprise Grid organisation the workspace belongs to. */
  enterprise_id?: string;
}

/** A method handler; `workspace` is the one the call's token belongs to. */
type Method = (args: Args, state: FakeState, workspace: FakeWorkspace) => object;

/** The fake workspace's ids, as auth.test reports them. */
export const FAKE_TEAM: FakeWorkspace = {
  team_id: "T0FAKE",
  team: "Fake SecOps",
  bot_user_id: "U0BOT",
  bot_id: "B0BOT",
  /** The workspace's verified email domains (team.info). */
  email_domain: "example.com",
};

const err = (error: string) => ({ ok: false, error });

function nextTs(state: FakeState): string {
  state.ts += 1;
  return `${state.ts}.000100`;
}

/** Channel checks shared by posting methods. */
function channelError(args: Args, state: FakeState): object | undefined {
  const channel = String(args.channel ?? "");
  if (!channel) return err("channel_not_found");
  if (channel.startsWith("D")) return undefined;
  const known = state.channels.get(channel);
  if (!known) return err("channel_not_found");
  if (known.archived) return err("is_archived");
  if (!known.member) return err("not_in_channel");
  return undefined;
}

function hasContent(args: Args): boolean {
  return (typeof args.text === "string" && args.text !== "") || (Array.isArray(args.blocks) && args.blocks.length > 0);
}

function useTrigger(args: Args, state: FakeState): object | undefined {
  const trigger = state.triggers.get(String(args.trigger_id ?? ""));
  if (!trigger) return err("invalid_trigger_id");
  if (trigger.used) return err("exchanged_trigger_id");
  if (Date.now() - trigger.issued > 3000) return err("expired_trigger_id");
  trigger.used = true;
  return undefined;
}

function viewResult(view: Args, state: FakeState): object {
  state.views += 1;
  return {
    ...view,
    id: `V${String(state.views).padStart(8, "0")}`,
    team_id: FAKE_TEAM.team_id,
    state: { values: {} },
    hash: `${state.ts}.abc`,
    app_id: "A0FAKE",
    bot_id: FAKE_TEAM.bot_id,
  };
}

/** Method name → handler. */
export const slackMethods: Record<string, Method> = {
  "auth.test": (_args, _state, w) => ({
    ok: true,
    url: `https://${w.team_id.toLowerCase()}.slack.com/`,
    team: w.team,
    user: "secops-bot",
    team_id: w.team_id,
    user_id: w.bot_user_id,
    bot_id: w.bot_id,
    ...(w.enterprise_id ? { enterprise_id: w.enterprise_id } : {}),
    is_enterprise_install: false,
  }),
  "files.getUploadURLExternal": (args, state) => {
    const length = Number(args.length);
    if (typeof args.filename !== "string" || !args.filename) return err("invalid_arguments");
    if (!Number.isInteger(length) || length <= 0) return err("invalid_arguments");
    const id = `F${String(state.pendingUploads.size + state.completed.length + 1).padStart(8, "0")}`;
    state.pendingUploads.set(id, {
      filename: args.filename,
      length,
      ...(typeof args.alt_text === "string" ? { altText: args.alt_text } : {}),
    });
    return { ok: true, upload_url: `${state.uploadUrlBase}${id}`, file_id: id };
  },
  "files.completeUploadExternal": (args, state) => {
    const files = args.files as { id: string; title?: string }[] | undefined;
    if (!Array.isArray(files) || files.length === 0) return err("invalid_arguments");
    if (files.some((f) => !state.pendingUploads.has(f.id))) return err("file_not_found");
    const channel = typeof args.channel_id === "string" ? args.channel_id : undefined;
    if (channel) {
      const problem = channelError({ channel }, state);
      if (problem) return problem;
    }
    for (const f of files) state.pendingUploads.delete(f.id);
    state.completed.push({
      fileIds: files.map((f) => f.id),
      titles: files.map((f) => f.title ?? ""),
      ...(channel ? { channel } : {}),
      ...(typeof args.thread_ts === "string" ? { threadTs: args.thread_ts } : {}),
      ...(typeof args.initial_comment === "string" ? { comment: args.initial_comment } : {}),
    });
    return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? "" })) };
  },
  "files.info": (args, state) => {
    const file = state.files.get(String(args.file ?? ""));
    if (!file) return err("file_not_found");
    return { ok: true, file: fileObject(file, state), comments: [], response_metadata: { next_cursor: "" } };
  },
  "chat.postMessage": (args, state) => {
    const problem = channelError(args, state);
    if (problem) return problem;
    if (!hasContent(args)) return err("no_text");
    const channel = String(args.channel);
    const ts = nextTs(state);
    state.messages.set(`${channel}:${ts}`, {
      channel,
      ts,
      text: args.text,
      blocks: args.blocks,
      threadTs: args.thread_ts,
    });
    return {
      ok: true,
      channel,
      ts,
      message: {
        type: "message",
        subtype: "bot_message",
        text: args.text,
        bot_id: FAKE_TEAM.bot_id,
        ts,
        ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
      },
    };
  },
  "chat.update": (args, state) => {
    const problem = channelError(args, state);
    if (problem) return problem;
    const key = `${String(args.channel)}:${String(args.ts)}`;
    const message = state.messages.get(key);
    if (!message) return err("message_not_found");
    state.messages.set(key, { ...message, text: args.text, blocks: args.blocks });
    return { ok: true, channel: args.channel, ts: args.ts, text: args.text, message: { text: args.text, ts: args.ts } };
  },
  "chat.postEphemeral": (args, state) => {
    const problem = channelError(args, state);
    if (problem) return problem;
    if (!state.users.has(String(args.user))) return err("user_not_in_channel");
    return hasContent(args) ? { ok: true, message_ts: nextTs(state) } : err("no_text");
  },
  "views.open": (args, state) => useTrigger(args, state) ?? { ok: true, view: viewResult(args.view as Args, state) },
  "views.publish": (args, state) =>
    state.users.has(String(args.user_id))
      ? { ok: true, view: viewResult(args.view as Args, state) }
      : err("user_not_found"),
  "team.info": (_args, _state, w) => ({
    ok: true,
    team: { id: w.team_id, name: w.team, domain: w.team_id.toLowerCase(), email_domain: w.email_domain },
  }),
  "users.info": (args, state, w) => {
    const user = state.users.get(String(args.user));
    if (!user) return err("user_not_found");
    return {
      ok: true,
      user: {
        id: user.id,
        team_id: w.team_id,
        name: user.name,
        deleted: false,
        real_name: user.realName ?? user.displayName,
        tz: "Europe/Berlin",
        is_bot: false,
        profile: {
          real_name: user.realName ?? user.displayName,
          display_name: user.displayName,
          ...(user.email ? { email: user.email } : {}),
        },
      },
    };
  },
  "conversations.open": (args, state) => {
    const users = String(args.users ?? "")
      .split(",")
      .filter(Boolean);
    if (users.length === 0) return err("users_list_not_supplied");
    if (!users.every((u) => state.users.has(u))) return err("user_not_found");
    return { ok: true, channel: { id: `D${users[0]?.slice(1)}` } };
  },
};
