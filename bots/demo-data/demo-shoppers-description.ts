import { demoShopperId } from './generate-demo-data.ts';
import { PERSONAS } from './personas.ts';

/** One persona and the first demo shopper who follows it, for "try as demo-0001 (vegan runner)" hints. */
export interface DemoShopperDescription {
  id: string;
  persona: string;
  name: { ru: string; en: string };
  summary: { ru: string; en: string };
}

/**
 * The first shopper of every persona. Shoppers are assigned to personas round-robin, so these ids hold for any
 * seed as long as at least {@link DEMO_PERSONA_COUNT} shoppers are generated (the default is 300).
 */
export const DEMO_SHOPPERS_DESCRIPTION: readonly DemoShopperDescription[] = PERSONAS.map((persona, index) => ({
  id: demoShopperId(index + 1),
  persona: persona.key,
  name: persona.name,
  summary: persona.summary,
}));

/** How many personas there are; shopper n follows persona (n - 1) mod this. */
export const DEMO_PERSONA_COUNT = PERSONAS.length;
