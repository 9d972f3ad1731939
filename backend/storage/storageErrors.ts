/** Which errors mean "DATA_DIR cannot be written or read" (SQLite's or the file system's), by code. */
const FILE_SYSTEM_CODES: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EACCES', 'EPERM', 'EMFILE', 'ENFILE']);

/** The error's code when DATA_DIR failed (SQLITE_FULL, ENOSPC, ...); undefined for any other error. */
export function storageErrorCode(error: unknown): string | undefined {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  if (typeof code !== 'string') {
    return undefined;
  }
  return (name === 'SqliteError' && code.startsWith('SQLITE_')) || FILE_SYSTEM_CODES.has(code) ? code : undefined;
}
