/** Seeded demo catalogs, shoppers and events for the embedded default (DEMO_DATA not `off`). */
export {
  DEFAULT_DEMO_NOW, demoDataSteps, demoShopperId, generateDemoData,
  type DemoData, type DemoDataOptions, type DemoShopper,
} from './generate-demo-data.ts';
export { DEMO_PERSONA_COUNT, DEMO_SHOPPERS_DESCRIPTION, type DemoShopperDescription } from './demo-shoppers-description.ts';
export { personaAllows } from './item-pools.ts';
export { PERSONAS } from './personas.ts';
export type { Persona } from './persona.ts';
