/**
 * Block Kit's limits in one table, so the renderer, the modal builder and the tests read the same
 * numbers. Source: Slack's Block Kit reference (blocks, elements, views) and chat.postMessage docs.
 */

/** Every limit the Slack renderers respect. */
export const LIMITS = {
  /** Blocks per surface. */
  blocks: { message: 50, modal: 100, home: 100 },
  /** Section block text (mrkdwn or plain_text). */
  sectionText: 3000,
  /** Fields per section block, and characters per field. */
  sectionFields: 10,
  fieldText: 2000,
  /** Header block plain_text. */
  headerText: 150,
  /** Elements per context block; characters per context element. */
  contextElements: 10,
  contextText: 3000,
  /** Elements per actions block. */
  actionsElements: 25,
  /** Button parts. */
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  blockId: 255,
  /** Modal title, submit and close labels. */
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  /** Input block label; static select options, option text and option value. */
  inputLabel: 2000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  /** plain_text_input max_length ceiling. */
  textInput: 3000,
  /** Top-level fallback `text` we send (Slack truncates above 40,000; notifications need far less). */
  fallbackText: 3000,
  /** Characters all list rows of one message may take, so long lists stay readable and views stay far below 250 kB. */
  listChars: { message: 12_000, modal: 60_000, home: 60_000 },
} as const;

/** A surface a reply is drawn on; each has its own block limit. */
export type Surface = keyof typeof LIMITS.blocks;
