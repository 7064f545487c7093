import type { Role } from '@shuzhi/contracts';
import type { Generated } from 'kysely';

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  status: 'active' | 'disabled';
  failed_logins: Generated<number>;
  locked_until: Date | null;
  must_change_password: Generated<boolean>;
  last_login_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface GrantTable {
  user_id: string;
  org_id: string;
  role: Role;
  area_code: string | null;
  created_at: Generated<Date>;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a stolen table does not yield live sessions. */
  token_hash: string;
  user_id: string;
  org_id: string;
  created_at: Generated<Date>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface ClientTable {
  id: string;
  client_id: string;
  name: string;
  org_id: string;
  roles: Role[];
  secret_hash: string;
  status: Generated<'active' | 'revoked'>;
  created_by: string | null;
  created_at: Generated<Date>;
  last_used_at: Date | null;
}

export interface AuthTables {
  'auth.users': UserTable;
  'auth.grants': GrantTable;
  'auth.sessions': SessionTable;
  'auth.clients': ClientTable;
}
