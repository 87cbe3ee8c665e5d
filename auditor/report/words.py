"""The draft's wording in Japanese and English, and the few formats it writes numbers in."""

from __future__ import annotations

from datetime import date
from string import Formatter

from auditor.report.blocks import Fixed, Inline, Parts

# {name} marks a value: the caller passes Fixed (the tool's own), str (untrusted) or a Blank.
_WORDS: dict[str, dict[str, str]] = {
    "title": {"ja": "不正利用に関する調査・補償のお願い（下書き）",
              "en": "Request for investigation and compensation of unauthorised debits (draft)"},
    "draft": {"ja": "この文書は auditor が入出金明細から作成した下書きです。内容を確かめ、空欄を"
                    "埋め、必要に応じて直してから提出してください。",
              "en": "This is a draft prepared by auditor from your bank statements. Check it, "
                    "fill in the blanks and correct anything before you send it."},
    "dated": {"ja": "作成日：{date}", "en": "Date: {date}"},
    "to": {"ja": "{bank}　御中", "en": "To: {bank}"},
    # The holder
    "holder": {"ja": "申出人（口座名義人）", "en": "Account holder"},
    "item": {"ja": "項目", "en": "Item"},
    "entry": {"ja": "内容", "en": "Details"},
    "name": {"ja": "氏名", "en": "Name"},
    "address": {"ja": "住所", "en": "Address"},
    "phone": {"ja": "電話番号", "en": "Phone"},
    "birth": {"ja": "生年月日", "en": "Date of birth"},
    "signature": {"ja": "署名・押印", "en": "Signature"},
    # The account
    "account": {"ja": "対象口座", "en": "Account"},
    "bank": {"ja": "銀行名", "en": "Bank"},
    "branch": {"ja": "支店名", "en": "Branch"},
    "kind": {"ja": "預金種目", "en": "Account type"},
    "number": {"ja": "口座番号", "en": "Account number"},
    "masked": {"ja": "口座番号は下4桁のみ記載しています。",
               "en": "Only the last 4 digits of the account number are shown."},
    # Summary
    "summary": {"ja": "概要", "en": "Summary"},
    "summary_text": {
        "ja": "{first}から{last}までの間に、私の口座から、私が登録も利用もしていない決済サービス"
              "（{services}）への出金が{count}件、合計{total}ありました。",
        "en": "Between {first} and {last}, {count} debit(s) totalling {total} were taken from "
              "my account to payment services I never registered with or used ({services})."},
    "nothing": {"ja": "申し出の対象となる出金はありません。",
                "en": "There are no debits to claim."},
    "count": {"ja": "件数", "en": "Transactions"},
    "total": {"ja": "合計金額", "en": "Total taken"},
    "first": {"ja": "最初の出金", "en": "First debit"},
    "last": {"ja": "最後の出金", "en": "Last debit"},
    "services": {"ja": "出金先のサービス", "en": "Services involved"},
    "per_service": {"ja": "{name}：{count}件 {total}", "en": "{name}: {count} debit(s), {total}"},
    "items": {"ja": "{count}件", "en": "{count}"},
    # Chart
    "chart": {"ja": "出金の推移", "en": "Debits over the statement period"},
    "chart_caption": {
        "ja": "明細の全出金（灰色）と、申し出の出金（赤）。棒の高さは金額の平方根に比例します。",
        "en": "Every debit on the statements (grey) and the debits claimed (red). Bar height "
              "follows the square root of the amount."},
    "chart_caption_apart": {
        "ja": "明細の全出金（灰色）、申し出の出金（赤）、要確認の出金（橙）。棒の高さは金額の平方根に"
              "比例します。",
        "en": "Every debit on the statements (grey), the debits claimed (red) and those for your "
              "review (orange). Bar height follows the square root of the amount."},
    "legend_claimed": {"ja": "申し出の出金", "en": "claimed"},
    "legend_apart": {"ja": "要確認の出金", "en": "for review"},
    "legend_other": {"ja": "その他の出金", "en": "other debits"},
    # The table
    "table": {"ja": "身に覚えのない出金の一覧", "en": "Unauthorised debits"},
    "no": {"ja": "No.", "en": "No."},
    "date": {"ja": "日付", "en": "Date"},
    "time": {"ja": "時刻", "en": "Time"},
    "descriptor": {"ja": "摘要（明細の表示どおり）", "en": "Description (as printed)"},
    "service": {"ja": "サービス", "en": "Service"},
    "amount": {"ja": "金額", "en": "Amount"},
    "why": {"ja": "検出の理由", "en": "Why it was flagged"},
    "sum": {"ja": "合計", "en": "Total"},
    "unknown": {"ja": "不明", "en": "unknown"},
    # Statement and requests
    "requests": {"ja": "申し出の内容", "en": "My statement and requests"},
    "statement": {
        "ja": "私は、上記の出金先である{services}に登録したことも、利用したこともありません。上記の"
              "出金はいずれも私が行ったものではなく、第三者が私の口座を無断で連携して行ったものと"
              "考えます。つきましては、次のとおりお願いいたします。",
        "en": "I have never registered with or used {services}. I did not make any of the "
              "debits above; I believe a third party linked my account to these services "
              "without my knowledge. I therefore ask you to:"},
    "investigate": {
        "ja": "上記の取引を調査し、私の口座が出金先のサービスと連携された日時と、その際の本人確認の"
              "方法を明らかにしてください。",
        "en": "investigate these transactions, including when my account was linked to these "
              "services and how the person who linked it was identified;"},
    "stop": {
        "ja": "私の口座と上記サービスとの連携（口座振替・即時振替などの決済サービス）を直ちに停止・"
              "解除し、これ以上の出金を止めてください。",
        "en": "stop and remove every link between my account and these services (direct debit "
              "or instant transfer), so that no more money can be taken;"},
    "refund": {"ja": "被害額 {total} を補償（返金）してください。",
               "en": "refund the {total} taken;"},
    "reply": {"ja": "調査の結果と補償の内容を、書面でご回答ください。",
              "en": "reply in writing with the result of the investigation and the compensation."},
    "closing": {"ja": "以上", "en": ""},
    # What the holder did
    "actions": {"ja": "これまでの対応", "en": "What I have done"},
    "actions_note": {"ja": "済んだものに印を付け、日付と番号を記入してください。",
                     "en": "Tick what you have done and fill in the dates and numbers."},
    "operator": {"ja": "決済サービス事業者（{services}）への連絡　連絡日：{date}　受付番号：{ref}",
                 "en": "Told the service operator ({services}) on {date}, reference {ref}"},
    "police": {"ja": "警察への相談（警察相談専用電話 #9110）　相談日：{date}　受理番号：{ref}",
               "en": "Consulted the police (police consultation line #9110) on {date}, "
                     "reference (受理番号) {ref}"},
    "secrets": {"ja": "キャッシュカードの暗証番号とインターネットバンキングのパスワードの変更",
                "en": "Changed my cash card PIN and my online banking password"},
    # The 2020 precedent (bank-formats.md §3)
    "precedent": {"ja": "参考：2020年の事例", "en": "For reference: the 2020 cases"},
    "precedent_text": {
        "ja": "2020年9月、第三者が他人名義でドコモ口座を開設して銀行口座と連携し、預金を引き出す被害"
              "が相次ぎました（9月27日時点で219件、2,848万円）。NTTドコモと連携先の銀行は、被害者"
              "に全額を補償しました。NTTドコモは9月12日に専用窓口（0120-885-360）も設けています。ゆうちょ"
              "銀行も、即時振替で連携した決済サービスを通じた不正な出金を全額補償するとしました。"
              "本件も同じ手口による被害と考えられますので、同様のご対応をお願いいたします。",
        "en": "In September 2020 third parties opened ドコモ口座 (docomo Koza) wallets in other "
              "people's names, linked them to their bank accounts and drained them (219 cases, "
              "¥28.48 million by 27 September). NTT docomo and the linked banks compensated the "
              "victims in full, and docomo opened a dedicated hotline (0120-885-360) on 12 "
              "September. Japan Post Bank (ゆうちょ銀行) also compensated in full for "
              "unauthorised debits through linked payment services. This case looks like the "
              "same kind of fraud, and I ask that it be handled in the same way."},
    # Sources
    "sources": {"ja": "根拠とした明細ファイル", "en": "Statement files used"},
    "file": {"ja": "ファイル", "en": "File"},
    "period": {"ja": "期間", "en": "Period"},
    "rows": {"ja": "明細件数", "en": "Rows"},
    "sha256": {"ja": "SHA-256", "en": "SHA-256"},
    "to_date": {"ja": "{first}〜{last}", "en": "{first} to {last}"},
    "sources_note": {
        "ja": "上記の件数・金額は、auditor {version} がこれらのファイルから計算したものです。"
              "SHA-256 は各ファイルの指紋です。貴行の記録と照合してご確認ください。",
        "en": "The figures above were computed by auditor {version} from these files; the "
              "SHA-256 values fingerprint them. Please check the figures against your own "
              "records."},
    # For the holder only
    "review": {"ja": "提出前にご確認ください（申し出には含めていません）",
               "en": "For your review before sending (not part of this request)"},
    "review_note": {
        "ja": "次の出金も検出されましたが、申し出には含めていません。身に覚えのないものは上の一覧に"
              "移し、この節は削除してから提出してください。",
        "en": "These debits were flagged too but are not in the request above. Move any you "
              "did not make into the list above, and delete this section before you send it."},
    "status": {"ja": "状況", "en": "Status"},
    "not-sure": {"ja": "「わからない」と回答", "en": "you answered \"not sure\""},
    "unreviewed": {"ja": "未確認（重要度：低）", "en": "not reviewed (low severity)"},
    # For the terminal (stderr), not the draft
    "told": {"ja": "下書き：申し出{count}件（合計{total}）、要確認として別記{apart}件、"
                   "除外{out}件（うち自分のものと回答{mine}件）",
             "en": "draft: {count} debit(s) claimed ({total}), {apart} listed apart for your "
                   "review, {out} left out ({mine} you answered as yours)"},
}


def word(key: str, lang: str) -> Fixed:
    """A fixed phrase in lang."""
    return Fixed(_WORDS[key][lang])


def say(key: str, lang: str, **values: Inline) -> Parts:
    """The sentence for key, split so that each value keeps its own trust (Fixed or not)."""
    parts: list[Inline] = []
    for literal, name, _spec, _conversion in Formatter().parse(_WORDS[key][lang]):
        if literal:
            parts.append(Fixed(literal))
        if name is not None:
            parts.append(values[name])
    return tuple(parts)


def flat(key: str, lang: str, **values: str) -> Fixed:
    """A sentence whose values are all the tool's own (numbers, dates, catalogue names)."""
    return Fixed(_WORDS[key][lang].format(**values))


def money(amount: int, lang: str) -> Fixed:
    """300,000円 in Japanese, ¥300,000 in English."""
    return Fixed(f"{amount:,}円" if lang == "ja" else f"¥{amount:,}")


def long_date(day: date, lang: str) -> Fixed:
    """2020年8月27日 in Japanese, 2020-08-27 in English."""
    return Fixed(f"{day.year}年{day.month}月{day.day}日" if lang == "ja" else day.isoformat())


def listing(names: list[str], lang: str) -> Fixed:
    """Names joined the way each language lists them."""
    return Fixed(("、" if lang == "ja" else ", ").join(names))
