import { MemoryCatalogStore } from '../../core/stores/memory-catalog-store.ts';
import { MemoryConsentStore } from '../../core/stores/memory-consent-store.ts';
import { MemoryConversationLogStore } from '../../core/stores/memory-conversation-log-store.ts';
import { MemoryEventStore } from '../../core/stores/memory-event-store.ts';
import { MemoryIdentityStore } from '../../core/stores/memory-identity-store.ts';
import { MemoryProfileStore } from '../../core/stores/memory-profile-store.ts';
import { catalogStoreContract } from './catalog-store.contract.ts';
import { consentStoreContract } from './consent-store.contract.ts';
import { conversationLogStoreContract } from './conversation-log-store.contract.ts';
import { eventStoreContract } from './event-store.contract.ts';
import { identityStoreContract } from './identity-store.contract.ts';
import { profileStoreContract } from './profile-store.contract.ts';

catalogStoreContract('memory', { create: async () => new MemoryCatalogStore() });
eventStoreContract('memory', { create: async () => new MemoryEventStore() });
profileStoreContract('memory', { create: async () => new MemoryProfileStore() });
identityStoreContract('memory', { create: async () => new MemoryIdentityStore() });
consentStoreContract('memory', { create: async () => new MemoryConsentStore() });
conversationLogStoreContract('memory', { create: async (options) => new MemoryConversationLogStore(options) });
