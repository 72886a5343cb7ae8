// What a settings form's server action answers, and the action's shape: the page passes the action in
// (components never import app/), the form shows the message.
export type SettingsState = { ok: boolean; message: string } | null;
export type SettingsAction = (previous: SettingsState, form: FormData) => Promise<SettingsState>;
