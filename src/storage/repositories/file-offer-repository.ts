/** Files offered with a consent card (Teams), held in the database so any replica, or a restarted one, can upload them. */
import { and, eq, gte, lt } from "drizzle-orm";
import type { OutgoingFile } from "../../core/reply.js";
import { Repository } from "../handle.js";

/** How long an offered file waits for the person's answer. */
export const FILE_OFFER_TTL_MS = 24 * 60 * 60 * 1000;

/** Who a file was offered to, and until when. */
export interface FileOfferTarget {
  token: string;
  workspace: string;
  /** The platform user id of the only person whose answer counts. */
  userId: string;
}

export class FileOfferRepository extends Repository {
  /** Stores an offer for FILE_OFFER_TTL_MS and clears expired ones. */
  async create(target: FileOfferTarget, file: OutgoingFile, now: Date): Promise<void> {
    const { fileOffers } = this.t;
    await this.h.unit(async () => {
      await this.q((db) => db.delete(fileOffers).where(lt(fileOffers.expiresAt, now.toISOString())));
      await this.q((db) =>
        db.insert(fileOffers).values({
          ...target,
          file: { ...file },
          createdAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + FILE_OFFER_TTL_MS).toISOString(),
        }),
      );
    });
  }

  /**
   * Takes the offer `token` names if it is still waiting for this person: it is removed in the same statement,
   * so of two answers (a double click, two replicas) only one gets the file. Someone else's answer leaves it alone.
   */
  async take(target: FileOfferTarget, now: Date): Promise<OutgoingFile | undefined> {
    const { fileOffers } = this.t;
    const [row] = await this.q((db) =>
      db
        .delete(fileOffers)
        .where(
          and(
            eq(fileOffers.token, target.token),
            eq(fileOffers.workspace, target.workspace),
            eq(fileOffers.userId, target.userId),
            gte(fileOffers.expiresAt, now.toISOString()),
          ),
        )
        .returning({ file: fileOffers.file }),
    );
    return row ? (row.file as unknown as OutgoingFile) : undefined;
  }
}
