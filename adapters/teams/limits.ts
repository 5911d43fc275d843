/**
 * Teams' size limits in one table. The renderer caps each part of a card with these and measures
 * the whole activity against MAX_ACTIVITY_BYTES, so an oversized reply is shortened with
 * "…and N more" instead of being rejected with 413.
 */

/** The knobs the renderer reads; a smaller copy is used when a reply would not fit. */
export interface TeamsLimits {
  maxActivityBytes: number;
  maxTitle: number;
  maxText: number;
  maxListRows: number;
  maxFacts: number;
  maxFactLabel: number;
  maxFactValue: number;
  maxActions: number;
  maxActionTitle: number;
  maxChoices: number;
  maxUrl: number;
  maxImageDataUri: number;
  maxBlocks: number;
}

/** Adaptive Card schema version Teams renders. */
export const CARD_VERSION = "1.5";

/** The renderer's limits; every number below is well inside what Teams accepts. */
export const TEAMS_LIMITS: Readonly<TeamsLimits> = {
  /** Teams rejects messages over about 100 KB; stay under 80 KB (counted as UTF-16, as Microsoft does). */
  maxActivityBytes: 80 * 1024,
  /** Longest title or subtitle, in characters. */
  maxTitle: 200,
  /** Longest run of text (a paragraph, a list label or detail), in characters. */
  maxText: 3000,
  /** Rows shown from one list before "…and N more". */
  maxListRows: 50,
  /** Facts shown from one fact set before "…and N more". */
  maxFacts: 20,
  /** Longest fact label and value. */
  maxFactLabel: 60,
  maxFactValue: 500,
  /** Buttons and links in one action set (Teams shows about six per row). */
  maxActions: 6,
  /** Longest button title. */
  maxActionTitle: 40,
  /** Choices in one drop-down of an input card. */
  maxChoices: 100,
  /** Longest URL a link may carry; longer ones are shown as text. */
  maxUrl: 2048,
  /** Longest image data URI embedded in a card. */
  maxImageDataUri: 48 * 1024,
  /** Blocks shown from one card before "…and N more". */
  maxBlocks: 60,
};

/** The size Teams counts for an activity: its JSON in UTF-16, two bytes per code unit (as Microsoft documents). */
export function activityBytes(activity: unknown): number {
  return JSON.stringify(activity).length * 2;
}
