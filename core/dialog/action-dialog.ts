import { complete, type Dialog, type DialogTurn } from './dialog.ts';

/** A one-message dialog: it runs and completes at once (greetings, help, showing the cart). */
export interface ActionDefinition {
  id: string;
  intents: string[];
  run: (turn: DialogTurn, args: Record<string, unknown>) => Promise<unknown>;
}

/** Builds a {@link Dialog} that completes on its first message. */
export function createActionDialog(def: ActionDefinition): Dialog {
  return {
    id: def.id,
    intents: def.intents,
    async begin(turn, args = {}) {
      return complete(await def.run(turn, args));
    },
    async continue(turn) {
      return complete(await def.run(turn, {}));
    },
    async resume(_turn, child) {
      return child;
    },
  };
}
