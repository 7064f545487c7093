import type { ShareRequest } from '@shuzhi/contracts';
import { Alert, App, Button, Flex, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useMe } from '../../app/auth';
import { ApproveModal } from './approve-modal';
import { type RequestAction, useRequestAction } from './sharing-api';
import { canAnswer, canDecide, canReject, canWithdraw, isPlatformAdmin } from './sharing-policy';
import { TextModal } from './text-modal';

type TextVerb = 'reject' | 'ask' | 'answer';

/** The buttons of whoever may act on the request now: the approver decides or asks, the requester answers or withdraws. */
export const RequestActions = ({ request: r }: { request: ShareRequest }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const act = useRequestAction(r.id);
  const showError = useShowError();
  const [approving, setApproving] = useState(false);
  const [text, setText] = useState<TextVerb | null>(null);
  const decide = canDecide(me, r);
  const answer = canAnswer(me, r);
  const reject = canReject(me, r);
  const withdraw = canWithdraw(me, r);
  if (!decide && !reject && !answer && !withdraw) return null;

  const texts: Record<TextVerb, { title: string; label: string; hint?: string; ok: string; done: string }> = {
    reject: {
      title: t('sharing.detail.rejectTitle'),
      label: t('sharing.detail.reason'),
      hint: t('sharing.detail.reasonHint'),
      ok: t('sharing.detail.reject'),
      done: t('sharing.detail.rejectedMsg'),
    },
    ask: {
      title: t('sharing.detail.askTitle'),
      label: t('sharing.detail.question'),
      ok: t('sharing.detail.ask'),
      done: t('sharing.detail.askedMsg'),
    },
    answer: {
      title: t('sharing.detail.answerTitle'),
      label: t('sharing.detail.answerText'),
      hint: t('sharing.detail.answerHint'),
      ok: t('sharing.detail.answer'),
      done: t('sharing.detail.answeredMsg'),
    },
  };
  const bodyOf = (verb: TextVerb, value: string): RequestAction =>
    verb === 'reject'
      ? { verb, body: { reason: value } }
      : verb === 'ask'
        ? { verb, body: { question: value } }
        : { verb, body: { answer: value } };
  const current = text ? texts[text] : null;

  return (
    <Flex vertical gap={12}>
      {decide && r.overdue && r.approver === 'owner' && isPlatformAdmin(me) && (
        <Alert type="warning" showIcon title={t('sharing.detail.escalated')} />
      )}
      <Flex gap={8} wrap data-testid="share-request-actions">
        {decide && (
          <Button type="primary" onClick={() => setApproving(true)} data-testid="share-approve">
            {t('sharing.detail.approve')}
          </Button>
        )}
        {reject && (
          <Button danger onClick={() => setText('reject')} data-testid="share-reject">
            {t('sharing.detail.reject')}
          </Button>
        )}
        {decide && (
          <Button onClick={() => setText('ask')} data-testid="share-ask">
            {t('sharing.detail.ask')}
          </Button>
        )}
        {answer && (
          <Button type="primary" onClick={() => setText('answer')} data-testid="share-answer">
            {t('sharing.detail.answer')}
          </Button>
        )}
        {withdraw && (
          <Popconfirm
            title={t('sharing.detail.withdrawConfirm')}
            okText={t('sharing.detail.withdraw')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              act.mutateAsync({ verb: 'withdraw' }).then(
                () => void message.success(t('sharing.detail.withdrawn')),
                (err) => showError(err),
              )
            }
          >
            <Button danger data-testid="share-withdraw">
              {t('sharing.detail.withdraw')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
      <ApproveModal request={r} open={approving} onClose={() => setApproving(false)} />
      <TextModal
        open={current !== null}
        title={current?.title ?? ''}
        label={current?.label ?? ''}
        hint={current?.hint}
        okText={current?.ok ?? ''}
        danger={text === 'reject'}
        max={text === 'answer' ? 2000 : 1000}
        loading={act.isPending}
        testId={`share-${text ?? 'text'}`}
        onClose={() => setText(null)}
        onSubmit={(value, form) =>
          text &&
          act.mutate(bodyOf(text, value), {
            onSuccess: () => {
              void message.success(texts[text].done);
              setText(null);
            },
            onError: (err) => showError(err, form),
          })
        }
      />
    </Flex>
  );
};
