/** The in-memory FileHost (src/core/host/memoryFileHost.ts), where tests have always imported it from. */
export { createMemoryHost, isValidMemoryPath, type MemoryEntry, type MemoryHostOptions, type MemoryLink } from '../../src/core/host/memoryFileHost';
