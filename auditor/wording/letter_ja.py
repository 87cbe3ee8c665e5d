"""The letter's own facts, blanks and holder's-voice reasons (auditor report), in Japanese."""

WORDS: dict[str, str] = {
    "report.title_final": "不正利用に関する調査・補償のお願い",
    # The holder and the account: what a bank asks a victim for
    "report.kana": "口座名義（カナ）",
    "report.branch_no": "店番",
    "report.number_full": "口座番号（全桁・手書きで記入）",
    "report.number_last": "口座番号の下4桁（照合用）",
    # One day, said as one day
    "report.summary_one_day": ("{day}に、私の口座から、私の知らないうちに決済サービス（{services}）"
                               "への出金が{count}件、合計{total}ありました。"),
    "report.statement_known": ("上記の{services}への出金はいずれも私が行ったものではなく、第三者が私の口座を無断で利用して"
                               "行ったものと考えます。つきましては、次のとおりお願いいたします。"),
    "report.day": "出金日",
    # Dates and limits
    "report.dates": "発見日・届出日と期限",
    "report.dates_text": ("私は{found}にこれらの出金に気づき、{filed}に貴行へ届け出ます。"
                          "発見から30日以内、各出金から2年以内に届け出るべきことを承知しています。"),
    "report.found": "発見日（出金に気づいた日）",
    "report.filed": "届出日（貴行へ届け出た日）",
    "report.limit_notice": "発見日から30日",
    "report.limit_notice_by": "{limit}までに届出（{found}から30日）",
    "report.limit_notice_blank": "上に記入した発見日から30日以内",
    "report.limit_claim": "各出金から2年",
    "report.limit_claim_one": "{first}の出金：{limit}までに届出",
    "report.limit_claim_range": "最初の出金（{first}）：{limit}まで、最後の出金（{last}）：{limit_last}まで",
    # The police
    "report.police_report": "警察への届出",
    "report.police_text": "私は、この被害を次のとおり警察に届け出ました。",
    "report.station": "警察署",
    "report.police_date": "届出日",
    "report.police_ref": "受理番号",
    # What the holder declares
    "report.declare": "申告事項",
    "report.declare_note": "事実に当てはまるものに印を付け、当てはまらないものは消しました。",
    "report.pin": "私は、キャッシュカードの暗証番号を他人に教えたことも、カードに書いたりカードと一緒に保管したりしたこともありません。",
    "report.card": "私は、キャッシュカードを他人に貸したことも渡したこともなく、紛失・盗難にも遭っていません。",
    "report.never_registered": "私は、{services}に登録したことも、私の口座を連携したことも、他人にそれを頼んだこともありません。",
    "report.family": "これらの出金は、私の家族・同居人が行ったものでもありません。",
    # Consent
    "report.consent": "情報提供への同意",
    "report.consent_text": ("私は、本件の調査と補償のため、貴行が私の口座とこれらの出金に関する情報を、"
                            "{services}の運営事業者および警察に提供することに同意します。"),
    # Where to turn
    "report.contacts": "相談・連絡先",
    "report.contact_bank": "{bank}：不正出金の相談窓口　電話番号：{phone}",
    "report.contact_fsa": "金融庁 金融サービス利用者相談室：0570-016811",
    "report.contact_operator": "{operator}（{service}）　電話番号：{phone}",
    "report.contact_operator_noted": "{operator}（{service}）：{phone}　{note}",
    "report.contact_unknown": "{service}の運営事業者",
    "report.this_bank": "貴行",
    # The reasons, in the holder's voice
    "report.why.unrecognised-wallet": "私が登録していない{service}へ{amount}が出金されています",
    "report.why.unrecognised-wallet.brokerage": "私が口座を持っていない証券会社（{service}）へ{amount}が振り替えられています",
    "report.why.wallet-burst": "{day}に{service}への出金が{count}件、合計{total}",
    "report.why.wallet-burst.near": "{service}への短時間の連続出金の1件",
    "report.why.amount-spike": "{service}への{amount}は、私の普段のチャージ額をはるかに超えています",
    "report.why.near-cap": "{service}への出金が上限額近くに達しています",
    "report.why.first-seen": "私の明細で初めての{service}への出金です",
    "report.why.wallet-like": "{amount}が決済サービスへのチャージの形で、私の知らない相手に出金されています",
    "report.why.odd-hour": "深夜{time}に出金されています",
    # On the terminal (stderr), not in the letter
    "cli.report.nothing": "申し出る出金がないため、文書は作成しませんでした",
    "cli.report.nothing_apart": "申し出る出金がないため、文書は作成しませんでした。要確認の{apart}件は `auditor review` で回答できます",
    "cli.report.nothing_for": "{account}（{bank}）：申し出る出金がないため、文書は作成しません",
    "cli.report.wrote": "{account}（{bank}）：申し出{count}件（合計{total}）を {path} に書きました",
    "cli.report.several": "申し出る出金のある口座が{count}件あります（{accounts}）。口座ごとに文書を作るには --output-dir DIR を指定してください",
    "cli.report.both_outputs": "--output と --output-dir は同時に指定できません",
    "cli.report.old": "{account}：申し出の出金のうち{count}件は2年以上前のものです（最初の出金の期限は{limit}）。補償されない場合があります",
    # --help of the new options
    "help.report.output_dir": "口座ごとに1通ずつ、銀行名と口座番号の下4桁を名前にして、このフォルダに書きます。",
    "help.report.final": "下書きの注意書きを外します（内容を確かめた後に）。",
    "help.report.found": "出金に気づいた日（発見日）。30日の期限を計算します。",
}
