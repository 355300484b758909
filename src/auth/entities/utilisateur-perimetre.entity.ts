import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TypePerimetre } from '../../common/auth/roles';
import { Utilisateur } from './utilisateur.entity';

/**
 * What a gestionnaire or a commission member works on, by code: a gestionnaire's whole centre de candidature or
 * chosen commissions of one, a member's commission (and whether they preside it). Granted through the staff accounts
 * API (src/personnel/), each change recorded in journal_habilitation.
 */
@Entity('utilisateur_perimetre')
export class UtilisateurPerimetre {
  @PrimaryColumn({ type: 'integer' })
  utilisateurId: number;

  @PrimaryColumn({ type: 'simple-enum', enum: TypePerimetre })
  type: TypePerimetre;

  /** As long as a commission's code */
  @PrimaryColumn({ type: 'varchar', length: 30 })
  code: string;

  /** A commission member who presides it (false for a centre) */
  @Column({ type: 'boolean', default: false })
  president: boolean;

  @ManyToOne(() => Utilisateur, (u) => u.perimetres, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'utilisateur_id', foreignKeyConstraintName: 'utilisateur_perimetre_utilisateur_fk' })
  utilisateur?: Utilisateur;
}
