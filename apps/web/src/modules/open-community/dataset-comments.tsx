import { EyeInvisibleOutlined, MessageOutlined } from '@ant-design/icons';
import type { DatasetComment } from '@shuzhi/contracts';
import { App, Button, Checkbox, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useShowError } from '../../app/api-errors';
import { hasAnyRole, useMe } from '../../app/auth';
import { formatDateTime } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { useComment, useComments, useHide, useReply } from './community-api';
import { PlainList } from './plain-list';

type Acting = { kind: 'reply' | 'hide'; comment: DatasetComment } | null;

/** The reply (owner's data officer) or hide (admin) dialog for one comment. */
const ActModal = ({ code, acting, onClose }: { code: string; acting: Acting; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const reply = useReply(code);
  const hide = useHide(code);
  const showError = useShowError();
  const isReply = acting?.kind === 'reply';
  const submit = ({ text }: { text: string }) => {
    if (!acting) return;
    const done = (msg: string) => () => {
      void message.success(msg);
      form.resetFields();
      onClose();
    };
    const onError = (err: unknown) => showError(err, form);
    if (isReply)
      reply.mutate(
        { id: acting.comment.id, text: text.trim() },
        { onSuccess: done(t('openCommunity.comments.replied')), onError },
      );
    else
      hide.mutate(
        { id: acting.comment.id, reason: text.trim() },
        { onSuccess: done(t('openCommunity.comments.hiddenDone')), onError },
      );
  };
  return (
    <Modal
      open={!!acting}
      title={isReply ? t('openCommunity.comments.replyTitle') : t('openCommunity.comments.hideTitle')}
      okText={isReply ? t('openCommunity.comments.reply') : t('openCommunity.comments.hide')}
      okButtonProps={{ danger: !isReply }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reply.isPending || hide.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">{acting?.comment.text}</Typography.Paragraph>
      <Form form={form} name="comment-act" layout="vertical" onFinish={submit}>
        <Form.Item
          name="text"
          label={isReply ? t('openCommunity.comments.reply') : t('openCommunity.comments.hideReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: isReply ? 1000 : 200,
              message: isReply
                ? t('openCommunity.comments.textRequired')
                : t('openCommunity.comments.hideRequired'),
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={isReply ? 1000 : 200}
            placeholder={isReply ? t('openCommunity.comments.replyPlaceholder') : undefined}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const CommentItem = ({ c, onAct }: { c: DatasetComment; onAct: (a: Acting) => void }) => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} style={{ width: '100%' }}>
      <Flex justify="space-between" gap={8} wrap>
        <Typography.Text strong>{c.authorName}</Typography.Text>
        <Typography.Text type="secondary">{formatDateTime(c.createdAt)}</Typography.Text>
      </Flex>
      {c.hidden && (
        <Tag icon={<EyeInvisibleOutlined aria-hidden />} color="warning" style={{ alignSelf: 'flex-start' }}>
          {t('openCommunity.comments.hidden', { reason: c.hiddenReason ?? '' })}
        </Tag>
      )}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.text}</Typography.Paragraph>
      {c.reply && (
        <div
          style={{ background: '#f5f7fa', borderRadius: 6, padding: '8px 12px' }}
          data-testid="dataset-comment-reply"
        >
          <Typography.Text strong>
            {t('openCommunity.comments.ownerReply', { org: c.reply.orgName })}
          </Typography.Text>{' '}
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.reply.text}</Typography.Text>
        </div>
      )}
      {(c.canReply || c.canHide) && (
        <Flex gap={8}>
          {c.canReply && (
            <Button
              size="small"
              icon={<MessageOutlined aria-hidden />}
              onClick={() => onAct({ kind: 'reply', comment: c })}
            >
              {t('openCommunity.comments.reply')}
            </Button>
          )}
          {c.canHide && (
            <Button size="small" danger onClick={() => onAct({ kind: 'hide', comment: c })}>
              {t('openCommunity.comments.hide')}
            </Button>
          )}
        </Flex>
      )}
    </Flex>
  );
};

/** Comments on a dataset for the portal's dataset page: post (signed in), the owner's replies, moderation. */
export const DatasetComments = ({ datasetCode }: { datasetCode: string }) => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const admin = hasAnyRole(me, ['platform_admin']);
  const [showHidden, setShowHidden] = useState(false);
  const [acting, setActing] = useState<Acting>(null);
  const [form] = Form.useForm<{ text: string }>();
  const list = useComments(datasetCode, admin && showHidden);
  const post = useComment(datasetCode);
  const showError = useShowError();
  const { message } = App.useApp();
  return (
    <Flex vertical gap={12} data-testid="dataset-comments">
      {me ? (
        <Form
          form={form}
          name="dataset-comment"
          onFinish={({ text }) =>
            post.mutate(text.trim(), {
              onSuccess: () => {
                form.resetFields();
                void message.success(t('openCommunity.comments.posted'));
              },
              onError: (err) => showError(err, form),
            })
          }
        >
          <Form.Item
            name="text"
            rules={[
              {
                required: true,
                whitespace: true,
                min: 2,
                max: 1000,
                message: t('openCommunity.comments.textRequired'),
              },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={1000}
              showCount
              placeholder={t('openCommunity.comments.placeholder')}
              aria-label={t('openCommunity.comments.placeholder')}
              data-testid="dataset-comment-input"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={post.isPending}
            data-testid="dataset-comment-submit"
          >
            {t('openCommunity.comments.submit')}
          </Button>
        </Form>
      ) : (
        <Link to={`/login?next=${encodeURIComponent(pathname)}`}>
          {t('openCommunity.comments.signInToComment')}
        </Link>
      )}
      {admin && (
        <Checkbox checked={showHidden} onChange={(e) => setShowHidden(e.target.checked)}>
          {t('openCommunity.comments.showHidden')}
        </Checkbox>
      )}
      <PlainList<DatasetComment>
        itemTestId="dataset-comment"
        loading={list.isPending}
        items={list.items}
        keyOf={(c) => c.id}
        empty={t('openCommunity.comments.empty')}
        render={(c) => <CommentItem c={c} onAct={setActing} />}
      />
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={list.loadMore}
        shown={list.items.length}
      />
      <ActModal code={datasetCode} acting={acting} onClose={() => setActing(null)} />
    </Flex>
  );
};
