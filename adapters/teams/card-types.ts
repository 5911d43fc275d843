/**
 * The Adaptive Card 1.5 elements the renderer builds, typed after the card schema, so a misspelt
 * property or a value Teams does not know fails the typecheck instead of being dropped by Teams.
 */

type Spacing = "None" | "Small" | "Default" | "Medium" | "Large" | "ExtraLarge" | "Padding";
type Color = "Default" | "Dark" | "Light" | "Accent" | "Good" | "Warning" | "Attention";

interface ElementBase {
  spacing?: Spacing;
  separator?: boolean;
}

export interface TextStyle {
  isSubtle?: boolean;
  size?: "Small" | "Default" | "Medium" | "Large" | "ExtraLarge";
  weight?: "Lighter" | "Default" | "Bolder";
  color?: Color;
  fontType?: "Default" | "Monospace";
  italic?: boolean;
  underline?: boolean;
}

export interface OpenUrlAction {
  type: "Action.OpenUrl";
  title?: string;
  url: string;
}

export interface SubmitAction {
  type: "Action.Submit";
  title: string;
  style?: "default" | "positive" | "destructive";
  data: Record<string, unknown>;
}

export type CardAction = OpenUrlAction | SubmitAction;

export interface TextRun extends TextStyle {
  type: "TextRun";
  text: string;
  selectAction?: OpenUrlAction;
}

export interface RichTextBlock extends ElementBase {
  type: "RichTextBlock";
  inlines: TextRun[];
}

export interface TextBlock extends ElementBase, Omit<TextStyle, "italic" | "underline"> {
  type: "TextBlock";
  text: string;
  wrap?: boolean;
}

export interface FactSet extends ElementBase {
  type: "FactSet";
  facts: { title: string; value: string }[];
}

export interface ImageElement extends ElementBase {
  type: "Image";
  url: string;
  altText: string;
}

export interface ActionSet extends ElementBase {
  type: "ActionSet";
  actions: CardAction[];
}

interface InputBase extends ElementBase {
  id: string;
  label: string;
  isRequired: boolean;
  errorMessage: string;
}

export interface TextInput extends InputBase {
  type: "Input.Text";
  placeholder?: string;
  maxLength?: number;
  value?: string;
}

export interface DateInput extends InputBase {
  type: "Input.Date";
  value?: string;
}

export interface ChoiceSetInput extends InputBase {
  type: "Input.ChoiceSet";
  choices: { title: string; value: string }[];
  style?: "compact" | "expanded" | "filtered";
  placeholder?: string;
  value?: string;
  isMultiSelect?: boolean;
  /** Teams' people picker: choices searched in the organisation's directory. */
  "choices.data"?: { type: "Data.Query"; dataset: string };
  fallback?: TextInput;
}

export type CardElement =
  RichTextBlock | TextBlock | FactSet | ImageElement | ActionSet | TextInput | DateInput | ChoiceSetInput;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: string;
  msteams: { width: "Full"; entities?: unknown[] };
  body: CardElement[];
  actions?: CardAction[];
}
