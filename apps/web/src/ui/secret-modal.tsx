import { Alert, type ButtonProps, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export type SecretItem = { key: string; label: string; value: string };

type Props = { open: boolean; title: string; items: SecretItem[]; hint?: string; onClose: () => void };

/** Shows credentials exactly once, each with a copy button and a "won't be shown again" warning. */
export const SecretModal = ({ open, title, items, hint, onClose }: Props) => {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={onClose}
      okText={t('common.close')}
      okButtonProps={{ 'data-testid': 'secret-close' } as ButtonProps}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      <Alert
        type="warning"
        showIcon
        title={t('common.shownOnce')}
        description={hint}
        style={{ marginBottom: 16 }}
      />
      <Descriptions
        column={1}
        bordered
        size="small"
        data-testid="secret-values"
        items={items.map((item) => ({
          key: item.key,
          label: item.label,
          children: (
            <Typography.Text
              code
              data-testid={`secret-${item.key}`}
              copyable={{ text: item.value, tooltips: [t('common.copy'), t('common.copied')] }}
              style={{ wordBreak: 'break-all' }}
            >
              {item.value}
            </Typography.Text>
          ),
        }))}
      />
    </Modal>
  );
};
