import { complete, type Dialog, type DialogResult, type DialogTurn } from './dialog.ts';

/**
 * A one-message dialog: it runs and completes at once (greetings, help, showing the cart). When `run`
 * starts a child dialog with `turn.begin`, returning that result keeps this dialog waiting under the child.
 */
export interface ActionDefinition {
  id: string;
  intents: string[];
  run: (turn: DialogTurn, args: Record<string, unknown>) => Promise<unknown>;
}

function settle(value: unknown): DialogResult {
  if (value && typeof value === 'object' && 'status' in value && (value as DialogResult).status === 'waiting') {
    return value as DialogResult;
  }
  return complete(value);
}

/** Builds a {@link Dialog} that completes on its first message. */
export function createActionDialog(def: ActionDefinition): Dialog {
  return {
    id: def.id,
    intents: def.intents,
    async begin(turn, args = {}) {
      return settle(await def.run(turn, args));
    },
    async continue(turn) {
      return settle(await def.run(turn, {}));
    },
    async resume(_turn, child) {
      return child;
    },
  };
}
