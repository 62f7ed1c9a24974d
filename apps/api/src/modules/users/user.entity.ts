import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserRole } from '../../common/auth/roles.js';

// The roles live in common/auth (the principal and the guards use them); feature modules may import either.
export { UserRole };

@Entity({ name: 'users' })
@Index('UQ_users_email', ['email'], { unique: true })
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Stored lowercased. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'varchar', length: 16 })
  role: UserRole;

  /** The court a judge or clerk belongs to; null for admins and service accounts. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  court: string | null;

  /** argon2id hash; null for service accounts, which authenticate with API keys only. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'boolean' })
  active: boolean;

  /** Interface language (a BCP 47 tag the web app offers); null: the browser's language decides. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  locale: string | null;

  /** True until the user chooses a new password (the bootstrap admin; after an admin sets one). */
  @Column({ name: 'password_change_required', type: 'boolean', default: false })
  passwordChangeRequired: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
