/**
 * Block Kit's published limits, checked the way Slack refuses a payload (`invalid_blocks`). Kept
 * apart from the adapter's own limits table on purpose: the fake states Slack's rules independently.
 */

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (isObj(v) && typeof v.text === "string" ? v.text : "");

/** Problems with a text object: type, non-empty, length. */
function textObject(where: string, v: unknown, max: number, plainOnly = false): string[] {
  if (!isObj(v)) return [`${where}: missing text object`];
  if (v.type !== "plain_text" && (plainOnly || v.type !== "mrkdwn"))
    return [`${where}: bad text type ${String(v.type)}`];
  const t = text(v);
  if (t.length === 0) return [`${where}: empty text`];
  return t.length > max ? [`${where}: text ${t.length} > ${max}`] : [];
}

function element(where: string, e: unknown): string[] {
  if (!isObj(e)) return [`${where}: not an object`];
  const out: string[] = [];
  if (typeof e.action_id === "string" && e.action_id.length > 255) out.push(`${where}: action_id > 255`);
  if (e.type === "button") {
    out.push(...textObject(`${where}.text`, e.text, 75, true));
    if (typeof e.value === "string" && e.value.length > 2000) out.push(`${where}: value > 2000`);
    if (typeof e.url === "string" && (e.url.length > 3000 || !/^https?:\/\//.test(e.url)))
      out.push(`${where}: bad url`);
  }
  if (e.type === "file_input") {
    const max = e.max_files ?? 10;
    if (typeof max !== "number" || max < 1 || max > 10) out.push(`${where}: max_files ${String(max)}`);
    if (e.filetypes !== undefined && (!Array.isArray(e.filetypes) || e.filetypes.some((t) => typeof t !== "string")))
      out.push(`${where}: bad filetypes`);
  }
  if (e.type === "static_select") {
    const options = Array.isArray(e.options) ? e.options : [];
    if (options.length === 0 || options.length > 100) out.push(`${where}: ${options.length} options`);
    options.forEach((o, i) => {
      out.push(...textObject(`${where}.options[${i}]`, isObj(o) ? o.text : undefined, 75, true));
      if (!isObj(o) || typeof o.value !== "string" || o.value.length > 150)
        out.push(`${where}.options[${i}]: bad value`);
    });
  }
  return out;
}

function block(where: string, b: unknown): string[] {
  if (!isObj(b)) return [`${where}: not an object`];
  if (typeof b.block_id === "string" && b.block_id.length > 255) return [`${where}: block_id > 255`];
  switch (b.type) {
    case "header":
      return textObject(`${where}.text`, b.text, 150, true);
    case "section": {
      const fields = Array.isArray(b.fields) ? b.fields : undefined;
      if (!b.text && !fields) return [`${where}: section without text or fields`];
      const out = b.text ? textObject(`${where}.text`, b.text, 3000) : [];
      if (fields && fields.length > 10) out.push(`${where}: ${fields.length} fields`);
      fields?.forEach((f, i) => out.push(...textObject(`${where}.fields[${i}]`, f, 2000)));
      if (b.accessory) out.push(...element(`${where}.accessory`, b.accessory));
      return out;
    }
    case "context": {
      const els = Array.isArray(b.elements) ? b.elements : [];
      if (els.length === 0 || els.length > 10) return [`${where}: ${els.length} context elements`];
      return els.flatMap((e, i) => textObject(`${where}.elements[${i}]`, e, 3000));
    }
    case "actions": {
      const els = Array.isArray(b.elements) ? b.elements : [];
      if (els.length === 0 || els.length > 25) return [`${where}: ${els.length} action elements`];
      const ids = els.map((e) => (isObj(e) ? e.action_id : undefined)).filter((id) => id !== undefined);
      const out = new Set(ids).size === ids.length ? [] : [`${where}: duplicate action_id`];
      return [...out, ...els.flatMap((e, i) => element(`${where}.elements[${i}]`, e))];
    }
    case "input":
      return [...textObject(`${where}.label`, b.label, 2000, true), ...element(`${where}.element`, b.element)];
    case "divider":
      return [];
    default:
      return [`${where}: unexpected block type ${String(b.type)}`];
  }
}

/** Every rule a message's blocks (≤50) or a view's blocks (≤100) break; empty when Slack would accept them. */
export function blockProblems(blocks: unknown, surface: "message" | "view"): string[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return ["blocks is not an array"];
  const max = surface === "message" ? 50 : 100;
  const out = blocks.length > max ? [`${blocks.length} blocks > ${max}`] : [];
  return [...out, ...blocks.flatMap((b, i) => block(`blocks[${i}]`, b))];
}

/** Every rule a modal or home view breaks. */
export function viewProblems(view: unknown): string[] {
  if (!isObj(view)) return ["view is not an object"];
  const out: string[] = [];
  if (view.type === "modal") {
    out.push(...textObject("title", view.title, 24, true));
    if (view.submit) out.push(...textObject("submit", view.submit, 24, true));
    if (view.close) out.push(...textObject("close", view.close, 24, true));
    if (typeof view.private_metadata === "string" && view.private_metadata.length > 3000)
      out.push("private_metadata > 3000");
    if (typeof view.callback_id === "string" && view.callback_id.length > 255) out.push("callback_id > 255");
  } else if (view.type !== "home") {
    out.push(`bad view type ${String(view.type)}`);
  }
  if (JSON.stringify(view).length > 250_000) out.push("view_too_large");
  return [...out, ...blockProblems(view.blocks, "view")];
}
