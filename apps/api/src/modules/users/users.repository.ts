import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { containsPattern } from '../../common/sql.js';
import { UserFilterInput } from './dto/user.inputs.js';
import { UserEntity, UserRole } from './user.entity.js';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) readonly repo: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repo.findBy({ id: In([...ids]) });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email: email.toLowerCase() });
  }

  countActiveAdmins(): Promise<number> {
    return this.repo.countBy({ role: UserRole.ADMIN, active: true });
  }

  countAdmins(): Promise<number> {
    return this.repo.countBy({ role: UserRole.ADMIN });
  }

  save(user: UserEntity): Promise<UserEntity> {
    return this.repo.save(user);
  }

  /** Users matching `filter`, optionally limited to one court. */
  query(filter: UserFilterInput | undefined, onlyCourt: string | null): SelectQueryBuilder<UserEntity> {
    const qb = this.repo.createQueryBuilder('u');
    if (onlyCourt !== null) qb.andWhere('u.court = :onlyCourt', { onlyCourt });
    if (filter?.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter?.court) qb.andWhere('u.court = :court', { court: filter.court });
    if (filter?.active !== undefined && filter.active !== null) qb.andWhere('u.active = :active', { active: filter.active });
    if (filter?.search) {
      qb.andWhere("(LOWER(u.email) LIKE :q ESCAPE '\\' OR LOWER(u.displayName) LIKE :q ESCAPE '\\')", { q: containsPattern(filter.search) });
    }
    return qb;
  }
}
