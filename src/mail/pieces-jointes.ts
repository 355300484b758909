import { Injectable } from '@nestjs/common';
import type { MailAttachment } from './mail.transport';

/**
 * Turns an attachment reference stored in the outbox (`type` + `ref`, e.g. a decision letter and its candidature)
 * into bytes when the mail is sent. It may throw: the mail is then retried with the outbox's usual backoff.
 */
export abstract class PieceJointeResolver {
  /** At most 30 characters, unique in the application */
  abstract readonly type: string;
  abstract resolve(ref: string): Promise<MailAttachment>;
}

/** What a feature passes to `OutboxService.enqueue`: a reference, never the bytes. */
export interface PieceJointeRef {
  type: string; // a registered resolver's type (30 characters at most)
  ref: string; // what that resolver needs to rebuild the document (100 characters at most)
}

/**
 * The resolvers of the application, by type. A feature module that sends attachments provides its resolver and
 * registers it when the module starts:
 *
 *   @Injectable()
 *   export class LettreResolver extends PieceJointeResolver implements OnModuleInit {
 *     readonly type = 'lettre';
 *     constructor(private readonly piecesJointes: PiecesJointes, …) { super(); }
 *     onModuleInit(): void { this.piecesJointes.register(this); }
 *     …
 *   }
 *
 * A registry rather than a multi-provider token collected by a factory: Nest has no multi-providers, and a factory
 * in MailModule would have to import every feature module, which already imports MailModule for the outbox. Here
 * the dependency points one way (features → mail). Registration happens in `onModuleInit`, before the application
 * listens and before the scheduler starts the sender, and every instance registers the same resolvers, so any
 * instance can send any row.
 */
@Injectable()
export class PiecesJointes {
  private readonly resolvers = new Map<string, PieceJointeResolver>();

  register(resolver: PieceJointeResolver): void {
    if (resolver.type.length === 0 || resolver.type.length > 30) throw new Error(`Type de pièce jointe invalide : « ${resolver.type} »`);
    const existing = this.resolvers.get(resolver.type);
    if (existing && existing !== resolver) throw new Error(`Deux résolveurs de pièces jointes pour le type « ${resolver.type} »`);
    this.resolvers.set(resolver.type, resolver);
  }

  has(type: string): boolean {
    return this.resolvers.has(type);
  }

  /** The attachment's bytes; throws when no resolver knows the type or when the resolver fails. */
  async resolve(piece: PieceJointeRef): Promise<MailAttachment> {
    const resolver = this.resolvers.get(piece.type);
    if (!resolver) throw new Error(`Aucun résolveur de pièces jointes pour le type « ${piece.type} »`);
    return resolver.resolve(piece.ref);
  }
}
