/** Find and read the repository's config file through the FileHost. */
import type { FileHost } from '../host/fileHost';
import { DataError } from '../knowledge/errors';
import type { KnowledgeBase } from '../model/knowledge';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, parseConfig, type Config } from './config';

/** Config files larger than this are certainly not hand-written configuration. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The root config file, or the defaults when there is none. Throws DataError when it is invalid. */
export async function readRepoConfig(host: FileHost, knowledge: KnowledgeBase): Promise<Config> {
  const entries = await host.readDirectory('');
  if (!entries.some((e) => e.name === CONFIG_FILE_NAME && e.type === 'file')) return EMPTY_CONFIG;
  const { bytes } = await host.readFile(CONFIG_FILE_NAME, MAX_CONFIG_BYTES);
  if (!bytes) throw new DataError('config', [{ file: CONFIG_FILE_NAME, path: '', reason: `larger than ${MAX_CONFIG_BYTES} bytes; this is not a configuration file` }]);
  return parseConfig(CONFIG_FILE_NAME, new TextDecoder().decode(bytes), knowledge);
}

/**
 * As `readRepoConfig`, but the defaults when the root cannot even be listed: the audit's
 * scan then reports that. An invalid config file still throws DataError.
 */
export async function readRepoConfigOrDefaults(host: FileHost, knowledge: KnowledgeBase): Promise<Config> {
  return readRepoConfig(host, knowledge).catch((err: unknown) => {
    if (err instanceof DataError) throw err;
    return EMPTY_CONFIG;
  });
}
