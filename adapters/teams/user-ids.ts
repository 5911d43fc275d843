/**
 * Teams user ids (29:…) by Entra object id, learnt from every activity a person sends and every
 * member lookup. Creating a personal chat needs the 29: id; the object id is only a fallback that
 * some tenants refuse. Held in memory (bounded): after a restart the next activity fills it again.
 */

const MAX_ENTRIES = 20_000;

/** The 29: id of each person seen, per workspace. */
export class TeamsUserIds {
  private readonly ids = new Map<string, string>();

  /** Records a person's Teams id; ignores anything that is not a 29: id with an object id. */
  remember(workspace: string, aadObjectId: unknown, teamsId: unknown): void {
    if (typeof aadObjectId !== "string" || !aadObjectId || typeof teamsId !== "string") return;
    if (!/^29:[\w-]{1,400}$/.test(teamsId)) return;
    const key = `${workspace}|${aadObjectId.toLowerCase()}`;
    this.ids.delete(key);
    if (this.ids.size >= MAX_ENTRIES) this.ids.delete(this.ids.keys().next().value ?? "");
    this.ids.set(key, teamsId);
  }

  /** The Teams id to address `aadObjectId` by, if the person was seen. */
  teamsIdOf(workspace: string, aadObjectId: string): string | undefined {
    return this.ids.get(`${workspace}|${aadObjectId.toLowerCase()}`);
  }
}
