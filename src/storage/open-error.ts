/** A database that cannot be opened for a reason the operator must fix; main.ts prints it as one line. */

/** Names the setting and what is wrong with it. */
export class StorageOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StorageOpenError";
  }
}
