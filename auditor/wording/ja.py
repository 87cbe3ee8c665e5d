"""The tool's words in Japanese, by key; ja.py and en.py hold the same keys."""

WORDS: dict[str, str] = {
    # --- Labels: the findings table, the review card and the summaries ---
    # The findings table (auditor scan) and the review card
    "label.date": "日付",
    "label.time": "時刻",
    "label.description": "摘要（明細の表示）",
    "label.wallet": "サービス",
    "label.amount": "金額",
    "label.severity": "重要度",
    "label.reasons": "理由",
    "label.file": "ファイル",
    "label.line": "行",
    "label.findings_title": "身に覚えのない可能性がある出金",
    # Severities, and what the holder answered
    "label.high": "高",
    "label.medium": "中",
    "label.low": "低",
    "label.answer_mine": "回答：自分のもの",
    "label.answer_not-mine": "回答：身に覚えがない",
    "label.answer_not-sure": "回答：わからない",
    "label.refunded": "返金済み：{date}（{line}行目）",
    # The tables on stderr after a scan of several files
    "label.by_wallet": "サービス別",
    "label.by_bank": "銀行別",
    "label.top_accounts": "被害の可能性が大きい口座",
    "label.campaigns": "キャンペーン（同じサービスが複数の口座から出金）",
    "label.bank": "銀行",
    "label.account": "口座",
    "label.accounts": "口座数",
    "label.findings": "検出",
    "label.at_risk": "金額",
    "label.from": "開始",
    "label.to": "終了",
    # The line on stderr after a scan: for several files, and for any scan
    "label.run_line": ("{files}ファイル：確認{audited}・失敗{failed}。検出 高{high}・中{medium}・低{low}、"
                       "被害の可能性がある金額 {at_risk}"),
    "label.none": "不審な出金は見つかりませんでした",
    "label.summary": ("{files}ファイルを確認（読めなかったもの{failed}）：検出{findings}件（高{high}・中{medium}・低{low}）、"
                      "被害の可能性がある金額 {at_risk}"),
    # Sentences joined in one line or one table cell
    "label.sentence_separator": "。",
    # --- The draft letter (auditor report) ---
    "report.title": "不正利用に関する調査・補償のお願い（下書き）",
    "report.draft": "この文書は auditor が入出金明細から作成した下書きです。内容を確かめ、空欄を埋め、必要に応じて直してから提出してください。",
    "report.dated": "作成日：{date}",
    "report.to": "{bank}　御中",
    # The holder
    "report.holder": "申出人（口座名義人）",
    "report.item": "項目",
    "report.entry": "内容",
    "report.name": "氏名",
    "report.address": "住所",
    "report.phone": "電話番号",
    "report.birth": "生年月日",
    "report.signature": "署名・押印",
    # The account
    "report.account": "対象口座",
    "report.bank": "銀行名",
    "report.branch": "支店名",
    "report.kind": "預金種目",
    "report.number": "口座番号",
    "report.masked": "口座番号は下4桁のみ記載しています。",
    # Summary
    "report.summary": "概要",
    "report.summary_text": ("{first}から{last}までの間に、私の口座から、私が登録も利用もしていない決済サービス（{services}）"
                            "への出金が{count}件、合計{total}ありました。"),
    "report.nothing": "申し出の対象となる出金はありません。",
    "report.count": "件数",
    "report.total": "合計金額",
    "report.first": "最初の出金",
    "report.last": "最後の出金",
    "report.services": "出金先のサービス",
    "report.per_service": "{name}：{count}件 {total}",
    "report.items": "{count}件",
    "report.list_separator": "、",
    # Chart
    "report.chart": "出金の推移",
    "report.chart_caption": "明細の全出金（灰色）と、申し出の出金（赤）。棒の高さは金額の平方根に比例します。",
    "report.chart_caption_apart": "明細の全出金（灰色）、申し出の出金（赤）、要確認の出金（橙）。棒の高さは金額の平方根に比例します。",
    "report.legend_claimed": "申し出の出金",
    "report.legend_apart": "要確認の出金",
    "report.legend_other": "その他の出金",
    # The table
    "report.table": "身に覚えのない出金の一覧",
    "report.no": "No.",
    "report.date": "日付",
    "report.time": "時刻",
    "report.descriptor": "摘要（明細の表示どおり）",
    "report.service": "サービス",
    "report.amount": "金額",
    "report.why": "検出の理由",
    "report.sum": "合計",
    "report.unknown": "不明",
    # Statement and requests
    "report.requests": "申し出の内容",
    "report.statement": ("私は、上記の出金先である{services}に登録したことも、利用したこともありません。上記の出金はいずれも私が行ったものではなく、"
                         "第三者が私の口座を無断で連携して行ったものと考えます。つきましては、次のとおりお願いいたします。"),
    "report.investigate": "上記の取引を調査し、私の口座が出金先のサービスと連携された日時と、その際の本人確認の方法を明らかにしてください。",
    "report.stop": "私の口座と上記サービスとの連携（口座振替・即時振替などの決済サービス）を直ちに停止・解除し、これ以上の出金を止めてください。",
    "report.refund": "被害額 {total} を補償（返金）してください。",
    "report.reply": "調査の結果と補償の内容を、書面でご回答ください。",
    "report.closing": "以上",
    # What the holder did
    "report.actions": "これまでの対応",
    "report.actions_note": "済んだものに印を付け、日付と番号を記入してください。",
    "report.operator": "決済サービス事業者（{services}）への連絡　連絡日：{date}　受付番号：{ref}",
    "report.police": "警察への相談（警察相談専用電話 #9110）　相談日：{date}　受理番号：{ref}",
    "report.secrets": "キャッシュカードの暗証番号とインターネットバンキングのパスワードの変更",
    # The 2020 precedent (bank-formats.md §3)
    "report.precedent": "参考：2020年の事例",
    "report.precedent_text": ("2020年9月、第三者が他人名義でドコモ口座を開設して銀行口座と連携し、"
                              "預金を引き出す被害が相次ぎました（9月27日時点で219件、2,848万円）。NTTドコモと連携先の銀行は、"
                              "被害者に全額を補償しました。NTTドコモは9月12日に専用窓口（0120-885-360）も設けています。ゆうちょ銀行も、"
                              "即時振替で連携した決済サービスを通じた不正な出金を全額補償するとしました。本件も同じ手口による被害と考えられますので、"
                              "同様のご対応をお願いいたします。"),
    # Sources
    "report.sources": "根拠とした明細ファイル",
    "report.file": "ファイル",
    "report.period": "期間",
    "report.rows": "明細件数",
    "report.sha256": "SHA-256",
    "report.to_date": "{first}〜{last}",
    "report.sources_note": ("上記の件数・金額は、auditor {version} がこれらのファイルから計算したものです。SHA-256 "
                            "は各ファイルの指紋です。貴行の記録と照合してご確認ください。"),
    # For the holder only
    "report.review": "提出前にご確認ください（申し出には含めていません）",
    "report.review_note": "次の出金も検出されましたが、申し出には含めていません。身に覚えのないものは上の一覧に移し、この節は削除してから提出してください。",
    "report.status": "状況",
    "report.not-sure": "「わからない」と回答",
    "report.unreviewed": "未確認（重要度：低）",
    # For the terminal (stderr), not the draft
    "report.told": "下書き：申し出{count}件（合計{total}）、要確認として別記{apart}件、除外{out}件（うち自分のものと回答{mine}件）",
    "report.unknown_service": "不明",
    # --- The review conversation ---
    "review.question": "ご自身の出金ですか？ [m]自分のもの / [n]身に覚えがない / [s]わからない（Enter = {key}）: ",
    "review.again": "m・n・s のどれかを入力してください。",
    "review.mine": "自分のもの",
    "review.not-mine": "身に覚えがない",
    "review.not-sure": "わからない",
    "review.before": "前回の回答",
    "review.offer": "{wallet}を利用中のサービスに追加し、以後は不明なサービスとして検出しないようにしますか？ [y/N]: ",
    "review.yes_no": "y か n を入力してください。",
    "review.reason": "理由（任意、Enterで省略）: ",
    "review.added": "{wallet}を{path}に追加しました",
    "review.hint": "{wallet}を不明なサービスとして検出しないようにするには: auditor allow {id}",
    "review.summary": ("{asked}件を確認しました（自分のもの{mine}・身に覚えがない{not_mine}・わからない{not_sure}）。回答の保存先: "
                       "{path}"),
    "review.nothing": "確認する検出はありません",
    "review.skipped": "回答済みの{count}件は省略しました（--all で再確認できます）",
    "review.below": "重要度が{severity}未満の{count}件は確認していません（--min-severity）",
    "review.left": "入力が終わったため{count}件は未確認です",
    "review.stopped": "中断しました。{count}件の回答を{path}に保存しました",
    "review.bad_input": ("入力の{line}行目: {text} は回答として読めません（m・n・s で答えてください）。"
                         "{count}件の回答を{path}に保存しました"),
    # --- The rules' titles (auditor rules) and reasons ---
    "rule.unrecognised-wallet.title": "利用していない決済サービス・証券会社への出金",
    "rule.unrecognised-wallet": "利用登録していない{wallet}へ{amount}がチャージされています",
    "rule.unrecognised-wallet.brokerage": "利用登録していない証券会社、{wallet}へ{amount}が振り替えられています",
    "rule.unrecognised-wallet.cut": "{wallet}と思われるサービス（明細の表示が途中で切れています）",
    "rule.wallet-burst.title": "同じ決済サービスへの短時間の連続出金",
    "rule.wallet-burst": "{when}に{wallet}への出金が{count}件、合計{total}",
    "rule.wallet-burst.usual": "{burst}（普段どおりの金額のため、参考として表示しています）",
    "rule.wallet-burst.signs": "{burst}。{signs}",
    "rule.wallet-burst.sign_separator": "、",
    "rule.wallet-burst.fast": "{minutes}分以内に{count}件",
    "rule.wallet-burst.amount": "普段のチャージ額{usual}の約{times:.0f}倍",
    "rule.wallet-burst.many": "これまでにない件数（以前は1日{busiest}件まで）",
    "rule.wallet-burst.night": "深夜",
    "rule.wallet-burst.on_day": "{first}",
    "rule.wallet-burst.days": "{first}〜{last}",
    "rule.wallet-burst.on_day_between": "{first} {start:%H:%M:%S}〜{end:%H:%M:%S}",
    "rule.wallet-burst.between": "{start:%Y-%m-%d %H:%M:%S}〜{end:%Y-%m-%d %H:%M:%S}",
    "rule.amount-spike.title": "普段よりはるかに高額なチャージ",
    "rule.amount-spike": "{wallet}への{amount}は、{usual}{typical}の{times:.0f}倍です",
    "rule.amount-spike.usual": "普段のチャージ額",
    "rule.amount-spike.usual_all": "普段の決済サービスへのチャージ額",
    "rule.near-cap.title": "上限額に迫るチャージ",
    "rule.near-cap.monthly": "{month}の{wallet}への出金合計{total}は、月間上限{cap}の{percent}%に達しています",
    "rule.near-cap.daily": "{within}の{wallet}への出金合計{total}は、1日の上限{cap}の{percent}%に達しています",
    "rule.near-cap.24h": "24時間以内",
    "rule.near-cap.on_day": "{day}",
    "rule.first-seen.title": "初めて現れた決済サービスへの出金",
    "rule.first-seen": "{since}以降{quiet}日間の履歴で初めての{wallet}への出金です",
    "rule.first-seen.payee": "この支払先",
    "rule.wallet-like.title": "決済サービスへのチャージに見える不明な出金",
    "rule.wallet-like": "{amount}が{shape}の形で出金されていますが、登録された決済サービスではありません",
    "rule.wallet-like.shape": "チャージ",
    "rule.wallet-like.shape.yucho-rt": "即時振替（ＲＴ）",
    "rule.wallet-like.shape.mufg-rtk": "ＲＴＫ口座振替",
    "rule.wallet-like.shape.sumishin-furikae": "フリカエ（振替）",
    "rule.wallet-like.shape.iwate-rs": "RS振替",
    "rule.wallet-like.shape.charge": "チャージ",
    "rule.odd-hour.title": "深夜の決済サービスへの出金",
    "rule.odd-hour": "深夜{time}に{amount}が出金されています",
    # --- The listings: auditor identify, auditor wallets and auditor rules ---
    # The same words in both languages: the titles carry both, the columns stay in English.
    # Each table's title, then its columns as they stand in the header row.
    "listing.statements": "Statements / 明細ファイル",
    "listing.file": "File", "listing.layout": "Layout", "listing.encoding": "Encoding",
    "listing.rows": "Rows", "listing.rejected": "Rejected", "listing.debits": "Debits",
    "listing.credits": "Credits", "listing.period": "Period", "listing.breaks": "Breaks",
    "listing.error": "error",
    "listing.wallets": "Wallets / 決済サービス",
    "listing.id": "id", "listing.kind": "kind", "listing.name_ja": "名称", "listing.name_en": "Name",
    "listing.cap": "Cap", "listing.matches": "Matches (folded)",
    "listing.monthly_cap": "{cap}/month", "listing.daily_cap": "{cap}/day",
    "listing.rules": "Rules / ルール",
    "listing.severity": "severity", "listing.title": "title",
    # --- A wallet the holder plainly uses, suggested for the allow list ---
    "suggestion": ("{name}はご自身で利用しているようです（{first}〜{last}に{debits}件、普段どおりの金額）。急な連続や高額だけを検出しました。"
                   "ご自身のものなら `{command}`、心当たりがなければ --allow に利用中のサービス（なければ none）を指定してもう一度確認してください"),
    # --- Messages on the command line: the error's one line ---
    "error.stdin_terminal": ("標準入力が端末です。明細をパイプで渡す（auditor scan - < "
                             "statement.csv）か、ファイル名を指定してください"),
    "error.excel_format": ("--excel はCSV用です（{format}には使えません）。--format csv か "
                           "--output-dir と一緒に指定してください"),
}
