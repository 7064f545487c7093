import { PlusOutlined } from '@ant-design/icons';
import type { Area } from '@shuzhi/contracts';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useCreateGrid } from './area-api';

type Props = { community: Area; onCreated: (grid: Area) => void };

/** Adds a grid under a community (platform admins and commanders only; the server checks too). */
export const CreateGridForm = ({ community, onCreated }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const createGrid = useCreateGrid();
  const showError = useShowError();
  return (
    <Form
      form={form}
      name="create-grid"
      layout="inline"
      style={{ rowGap: 8 }}
      onFinish={({ name }) =>
        createGrid.mutate(
          { code: community.code, name: name.trim() },
          {
            onSuccess: (grid) => {
              form.resetFields();
              void message.success(t('areas.gridCreated', { name: grid.name }));
              onCreated(grid);
            },
            onError: (err) => showError(err, form),
          },
        )
      }
    >
      <Form.Item
        name="name"
        label={t('areas.gridName')}
        rules={[{ required: true, whitespace: true, max: 60, message: t('areas.gridNameRequired') }]}
      >
        <Input maxLength={60} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<PlusOutlined aria-hidden />}
          loading={createGrid.isPending}
          data-testid="grid-create"
        >
          {t('areas.newGrid')}
        </Button>
      </Form.Item>
    </Form>
  );
};
