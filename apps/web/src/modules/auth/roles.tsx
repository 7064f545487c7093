import { OrgType, Role } from '@shuzhi/contracts';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const roleColors: Record<Role, string> = {
  platform_admin: 'red',
  data_officer: 'blue',
  approver: 'purple',
  clerk: 'cyan',
  handler: 'green',
  commander: 'volcano',
  auditor: 'gold',
  viewer: 'default',
};

/** The eight roles as Select options with localised labels, optionally leaving some out. */
export const useRoleOptions = (exclude: Role[] = []) => {
  const { t } = useTranslation();
  return Role.options
    .filter((role) => !exclude.includes(role))
    .map((role) => ({ value: role, label: t(`roles.${role}`) }));
};

export const useOrgTypeOptions = () => {
  const { t } = useTranslation();
  return OrgType.options.map((type) => ({ value: type, label: t(`orgTypes.${type}`) }));
};

export const RoleTag = ({ role }: { role: Role }) => {
  const { t } = useTranslation();
  return <Tag color={roleColors[role]}>{t(`roles.${role}`)}</Tag>;
};

export const RoleTags = ({ roles }: { roles: Role[] }) => (
  <Space size={[0, 4]} wrap>
    {roles.map((role) => (
      <RoleTag key={role} role={role} />
    ))}
  </Space>
);

const orgTypeColors: Record<OrgType, string> = {
  platform: 'magenta',
  department: 'blue',
  government: 'geekblue',
  street_office: 'green',
};

export const OrgTypeTag = ({ type }: { type: OrgType }) => {
  const { t } = useTranslation();
  return <Tag color={orgTypeColors[type]}>{t(`orgTypes.${type}`)}</Tag>;
};
