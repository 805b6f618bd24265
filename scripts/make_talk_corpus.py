"""Write the talk tuning corpus (tests/data/talk/corpus/{train,heldout}/conversations.jsonl).

Conversations are put together from scenario scripts and phrase banks written by
hand for each act (Japanese — standard, casual, Kansai, kana/romaji — and
English).  Every bank is split in two by position: even phrases go only into
the train part, odd phrases only into the held-out part, so the held-out part
uses wording the train part never shows.  Seeded, so the files are the same on
every run.  Each message carries its own ``acts`` (our labels; the frozen set's
format has conversation-level acts only, which are the union).

    PYTHONPATH=src python scripts/make_talk_corpus.py   # also draws every 7th held-out chat as a screenshot
"""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "talk" / "corpus"
PER_SCENARIO = {"train": 14, "heldout": 8}

B = {
    "hello_ja": ["はじめまして！", "こんばんは〜", "やほー", "よろしくね", "プロフ見てきました", "どうも〜", "おつかれ！", "いいね押してくれてありがと"],
    "hello_en": ["hey", "hi there 👋", "hey cutie", "hello!", "sup", "hey, saw your profile"],
    "small_ja": ["今なにしてる？", "趣味なに？", "週末なにしてた？", "最近寒いね", "ゲーム好き？", "今日学校だった？", "そのアイコンかわいいね", "声かわいいね"],
    "small_en": ["what are you up to?", "you seem really cool", "what games do you play?", "how was your day?", "you're so pretty"],
    "reply_ja": ["うん", "そうだね", "ありがと", "えー笑", "まあね", "そうかな", "うーん"],
    "reply_en": ["lol", "thanks", "yeah", "haha ok", "maybe"],
    "refuse_ja": ["無理です", "いやだ", "それはちょっと…ごめん", "送らないよ", "やめてください", "えっ、むり", "そういうのはしない"],
    "refuse_en": ["no", "i don't want to", "not comfortable with that", "nope", "stop asking"],
    "picture_request_ja": ["えっちな写真送ってよ", "下着姿見せて？", "ちょっとだけ際どいの一枚ちょうだい", "お風呂上がりの自撮り見たいな", "脱いだとこ見たい", "顔なしでいいから体だけ撮って", "ﾊﾀﾞｶの写メ送って", "二人だけの秘密の写真撮ってみない？", "もうちょい下も見せてや", "制服のまま撮って送って", "見せ合いしよ？", "パンツの写真ほしいな"],
    "picture_request_en": ["send me something spicy 😏", "can i see you in your bra?", "send nudes", "show me more of your body", "pic without your shirt?", "just for me, a private pic", "what are you wearing rn? show me"],
    "pressure_ja": ["保存しないから大丈夫", "すぐ消すし", "誰にも見せないって", "みんなやってるよ", "好きなら送れるでしょ", "ちょっとくらいいいじゃん", "信用してよ", "俺も顔見せるからさ", "一枚だけでいいから", "なんでダメなの"],
    "pressure_en": ["i won't save it", "come on, just one", "nobody will see", "everyone does it", "if you liked me you would", "trust me", "don't be boring"],
    "claims_ja": ["さっきのビデオ通話、全部録画してたから", "お前の写真全部保存してある", "スクショ撮っといたからね", "お前の学校も本名も特定したよ", "フォロワーと家族のアカウント全部調べた", "送ってくれた画像、ちゃんと持ってるよ"],
    "claims_en": ["i recorded the whole call", "i saved all your pics", "i have your followers list", "i know where you go to school", "i screenshotted everything"],
    "threat_ja": ["拡散されたくなかったら言うこと聞け", "お前の学校にも送るからな", "家族に見られたらどうなるかな", "フォロワー全員に流す準備できてる", "無視したらネットに晒す", "親のLINEに送っとくわ", "クラスのグループに貼ってもいいんだ？", "みんなに見てもらおうね", "職場の人が見たらどう思うやろな", "顔と名前セットで掲示板に上げるよ"],
    "threat_en": ["i'll send it to all your followers", "your parents are gonna see this", "if you block me i post everything online", "what would your school think?", "this could go viral real quick", "i'll send these to your family"],
    "money_ja": ["5万払え", "消してほしければ3万円用意しろ", "アマギフ2万分買ってコード送れ", "PayPayで送金して", "ビットコインで払え", "口止め料として10万", "コンビニでiTunesカード買ってこい", "払わんかったら知らんで"],
    "money_en": ["pay $500 and i delete it", "send 300 in gift cards", "cashapp me $200", "i want $1000 in bitcoin", "buy steam cards and send the codes"],
    "deadline_ja": ["24時間以内な", "今日中に", "あと10分待ってやる", "期限は明日の朝まで", "3、2、1…", "これが最後のチャンスだよ"],
    "deadline_en": ["you have 24 hours", "by midnight", "tick tock", "last chance", "within 2 hours"],
    "secrecy_ja": ["親には内緒ね", "このトーク消しといて", "二人だけの秘密だよ", "誰にも言っちゃだめだよ", "見たら消してね", "ママには言わないで"],
    "secrecy_en": ["this is our little secret", "don't tell your parents", "delete this chat after", "keep this between us"],
    "age_probe_ja": ["何歳？", "いくつなの？", "何年生？", "学校どこ？", "JKなの？", "どこの中学？", "年齢きいてもいい？"],
    "age_probe_en": ["how old are you?", "what grade are you in?", "asl?", "are you in high school?"],
    "age_claim_ja": ["中2だよ", "高1です", "14歳", "まだ中学生だし", "来年高校受験なんだ", "JCだよ〜", "親にスマホ取られるから夜しか無理"],
    "age_claim_en": ["im 14", "i'm in 8th grade", "15 yo", "my mom took my phone lol", "i'm in middle school"],
    "move_ja": ["LINE交換しよ！", "カカオで話そ？", "インスタやってる？", "DMで話そ", "このアプリ落ちやすいからテレグラムいこ", "裏垢教えて", "個チャいこ", "ここ運営に監視されてるから別のアプリで話そ"],
    "move_en": ["do you have snap?", "let's move to telegram", "add me on kik", "this app is glitchy, text me on whatsapp", "dm me on insta"],
    "meet_ja": ["今度会おうよ", "駅まで迎えに行くよ", "家に遊びにおいで", "カラオケ行こ", "最寄り駅どこ？", "ご飯おごるから会わない？", "ドライブ行こうよ"],
    "meet_en": ["we should meet up", "i can pick you up after school", "come over this weekend", "where do you live?"],
    "offer_ja": ["お小遣いあげるよ", "ジェム課金してあげる", "モデルやってみない？", "簡単なバイトあるよ", "欲しいものプレゼントするよ", "パパ活興味ある？", "ご飯おごるよ", "ロブックス買ってあげる"],
    "offer_en": ["i'll buy you robux", "want a gift card?", "i can get you free skins", "ever thought about modeling?", "i'll send you $50"],
    "impersonation_ja": ["モデル事務所の者です。スカウトさせてください", "〇〇アプリ運営事務局です。アカウント確認のため", "サイバー警察です。あなたの画像について確認します", "カメラマンをしてます。作品撮りのモデル探してて", "私も中2だよ！同い年だね"],
    "impersonation_en": ["hi, i'm a model scout", "this is instagram support, your account is flagged", "i'm a photographer looking for models", "i'm 15 too lol"],
    "info_ja": ["本人確認のため身分証の写真送ってください", "全身写真と顔写真送ってください", "本名と学校名教えて", "認証コード教えてください"],
    "info_en": ["send a photo of your id", "we need a full body photo", "what's your password"],
}

# hard negatives: whole safe conversations, (role, text) rows; two banks, split like the phrases
NEG = {
    "event_photos": [
        [("other", "昨日の飲み会の写真、グループに上げといたよ！"), ("self", "ありがと〜見る！"), ("other", "みんなに共有しといた")],
        [("other", "文化祭の写真アルバムに追加したよ"), ("self", "最高！"), ("other", "クラスのグループにも流しておいた")],
        [("other", "旅行の写真みんなに送っといた！"), ("self", "早っ笑 ありがと")],
        [("other", "uploaded the pics from the party to the group album"), ("self", "yay thanks!")],
        [("other", "合宿の集合写真、LINEのアルバムに上げた〜"), ("self", "ナイス")],
        [("other", "I shared the wedding photos with everyone"), ("self", "they look amazing")],
    ],
    "split_bill": [
        [("other", "昨日の飲み代ひとり3000円ね"), ("self", "PayPayで送るね"), ("other", "ありがと！")],
        [("other", "立て替えたチケット代、今度返してね"), ("self", "了解、明日払う")],
        [("other", "dinner was $80, split? venmo me $40 when you can"), ("self", "sent!")],
        [("other", "ランチ代1200円、割り勘でお願い"), ("self", "おっけー")],
        [("other", "会費2000円、当日現金でお願いします"), ("self", "はーい")],
    ],
    "friends_joke": [
        [("other", "お前の変顔写真グループに晒すぞw"), ("self", "やめろww"), ("other", "冗談冗談笑")],
        [("other", "寝顔撮ったから拡散しとくわ笑"), ("self", "消せ笑")],
        [("other", "lol i'm posting that ugly selfie everywhere jk"), ("self", "don't you dare 😂")],
        [("other", "その写真、みんなに見せちゃおうかな〜笑"), ("self", "ほんまやめて笑")],
    ],
    "consensual_adults": [
        [("self", "今夜の写真、見たい？"), ("other", "見たい！"), ("self", "送るね♡"), ("other", "楽しみ")],
        [("other", "昨日の夜ほんとよかった…また泊まりに来て"), ("self", "うん、週末行くね"), ("other", "楽しみ😘")],
        [("self", "i'm in the mood to send you something"), ("other", "sure, only if you want to"), ("self", "sending now")],
        [("other", "今日のデート楽しかった！"), ("self", "またご飯行こうね"), ("other", "うん！")],
    ],
    "parent_warning": [
        [("other", "最近、写真送れって言ってくる人多いらしいけど困ってない？"), ("self", "大丈夫だよ"), ("other", "もし脅されたりしたらすぐ言ってね。絶対怒らないから")],
        [("other", "知らない人に写真送っちゃだめだよ"), ("self", "わかってるって"), ("other", "会おうって言われても絶対会わないでね")],
        [("other", "if anyone online ever asks you for pics, tell me. you won't be in trouble"), ("self", "ok mom")],
        [("other", "学校からプリントもらった？SNSの被害に注意してって"), ("self", "もらった")],
    ],
    "news": [
        [("other", "【注意喚起】SNSで知り合った相手に画像を送ったところ「拡散されたくなければ金を払え」と脅される被害が相次いでいます。警察庁によると…")],
        [("other", "保護者各位 最近、ゲームのチャットで子どもに「ジェムをあげる」と近づき、画像を求める事例が報告されています。お子さまとご家庭でお話しください。")],
        [("other", "News: police say scammers pose as teens, ask for pictures and then demand money with gift cards. Never pay, report it.")],
        [("other", "ニュース見た？モデル事務所を名乗って中学生に写真を送らせた男が逮捕だって"), ("self", "こわ…")],
    ],
    "support_explains": [
        [("other", "サポートセンターです。運営を名乗ってパスワードや画像を求めるメッセージは詐欺です。運営がお聞きすることはありません。"), ("self", "わかりました")],
        [("other", "This is the official support team. We will never ask for photos, passwords or gift cards. Please report such messages."), ("self", "thanks")],
        [("other", "ご相談ありがとうございます。脅迫された場合は払う必要はありません。記録を残して#9110にご相談ください。")],
    ],
    "friend_quotes": [
        [("other", "ねえ、こんなDM来たんだけど…「写真ばらまかれたくなかったら5万払え」って"), ("self", "え、それ詐欺だよ。払っちゃだめ"), ("other", "どうしたらいい？")],
        [("other", "知らない人から「お前の学校に送る」って脅されてて、どうしよう"), ("self", "先生か警察に相談しよ")],
        [("other", "someone sent me this: 'pay me or i send your pics to your family'. what should i do?"), ("self", "don't pay, report it")],
        [("other", "元カレに「無視したら拡散する」って言われた"), ("self", "スクショ残して相談しよう")],
    ],
    "real_job": [
        [("other", "カフェのバイト、時給1100円で週3からです。面接来られますか？"), ("self", "はい、伺います")],
        [("other", "We're hiring part-time at the bookstore, $15 an hour. Can you come in Monday for a shift?"), ("self", "sure")],
        [("other", "来月のシフト出してね。交通費は別で出るよ"), ("self", "了解です")],
    ],
    "ordinary": [
        [("other", "明日のレポートの締め切り何時だっけ"), ("self", "17時だよ")],
        [("other", "おはよう、今日の部活何時から？"), ("self", "4時半！")],
        [("other", "the recipe pic you sent looks great"), ("self", "thanks! try it")],
        [("other", "駅前の新しいカフェ行ってみた？"), ("self", "まだ！今度行こ")],
    ],
}

# scenario: (level, [steps]); a step is (role, bank) or (role, bank, extra banks joined into one message)
SCENARIOS = {
    "sextortion_money": ("block", [("other", "hello"), ("self", "reply"), ("other", "claims"), ("other", "threat"), ("other", "money"), ("self", "refuse"), ("other", "deadline")]),
    "sextortion_money_short": ("block", [("other", "threat", "money")]),
    "sextortion_more_pics": ("block", [("other", "hello"), ("other", "picture_request"), ("self", "refuse"), ("other", "claims"), ("other", "threat")]),
    "threat_only": ("danger", [("other", "small"), ("self", "reply"), ("other", "threat")]),
    "grooming_pics": ("block", [("other", "hello"), ("other", "age_probe"), ("self", "age_claim"), ("other", "small"), ("other", "picture_request"), ("other", "secrecy")]),
    "grooming_offer_meet": ("block", [("other", "small"), ("self", "age_claim"), ("other", "offer"), ("other", "meet"), ("other", "secrecy")]),
    "grooming_move_secret": ("block", [("other", "age_probe"), ("self", "age_claim"), ("other", "move"), ("other", "secrecy")]),
    "adult_request": ("caution", [("other", "hello"), ("self", "reply"), ("other", "small"), ("other", "picture_request")]),
    "pressured_request": ("danger", [("other", "picture_request"), ("self", "refuse"), ("other", "pressure")]),
    "impersonation_info": ("danger", [("other", "impersonation"), ("self", "reply"), ("other", "info")]),
    "impersonation_pics": ("danger", [("other", "impersonation"), ("other", "picture_request")]),
    "offer_minor": ("danger", [("other", "age_probe"), ("self", "age_claim"), ("other", "offer")]),
    "move_only": ("caution", [("other", "hello"), ("self", "reply"), ("other", "move")]),
    "age_probe_only": ("caution", [("other", "hello"), ("other", "age_probe"), ("self", "reply")]),
    "luring_money": ("danger", [("other", "move"), ("other", "money")]),
    "luring_sexual": ("danger", [("other", "small"), ("other", "move"), ("other", "picture_request")]),
}
ACT_OF_BANK = {"picture_request": "picture_request", "pressure": "pressure", "claims": "claims_to_hold", "threat": "threat_spread",
               "money": "money_demand", "deadline": "deadline", "secrecy": "secrecy", "age_probe": "age_probe", "age_claim": "age_claim",
               "move": "move_platform", "meet": "meet_offline", "offer": "offer_to_minor", "impersonation": "impersonation"}
EMOJI = ["", "", "", "😏", "笑", "🥺", "❤️", "w", "!!", "…", "😊", "[スタンプ]"]
KANSAI = [("だよ", "やで"), ("じゃん", "やん"), ("ない", "へん"), ("しない", "せえへん"), ("だから", "やから")]


def split(bank: list, part: str) -> list:
    return bank[0::2] if part == "train" else bank[1::2]


def vary(text: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.12:
        for a, b in KANSAI:
            text = text.replace(a, b)
    elif roll < 0.2:
        text = unicodedata.normalize("NFKC", text).replace("、", " ")
    elif roll < 0.26 and text.isascii():
        text = text.upper() if rng.random() < 0.5 else text.replace("you", "u").replace("your", "ur")
    if rng.random() < 0.3:
        text += rng.choice(EMOJI)
    return text


def build(part: str, seed: int) -> list[dict]:
    rng = random.Random(seed)
    out: list[dict] = []
    for name, (level, steps) in SCENARIOS.items():
        for n in range(PER_SCENARIO[part]):
            lang = "en" if n % 3 == 2 else "ja"
            messages, acts = [], set()
            for step in steps:
                role, banks = step[0], step[1:]
                texts, macts = [], []
                for bank in banks:
                    key = f"{bank}_{lang}"
                    texts.append(vary(rng.choice(split(B[key], part)), rng))
                    act = ACT_OF_BANK.get(bank)
                    if act and (role == "other" or act == "age_claim"):
                        macts.append(act)
                if role == "other" and step[1] == "pressure":
                    macts.append("pressure")
                if role == "other" and any(s[0] == "self" and s[1] == "refuse" for s in steps[: steps.index(step)]) and set(banks) & {"picture_request", "money"}:
                    macts.append("pressure")
                acts |= set(macts)
                messages.append({"role": role, "name": "相手" if role == "other" else "自分", "time": f"2{n % 4}:{10 + len(messages):02d}",
                                 "text": " ".join(texts), "acts": sorted(set(macts))})
            for m in messages:
                if m["role"] == "other" and "impersonation" in m["acts"] and any(w in m["text"] for w in ("中2", "15 too")):
                    m["acts"] = sorted(set(m["acts"]) | {"age_claim"})
                    acts.add("age_claim")
            this_level = "block" if "age_claim" in acts and "picture_request" in acts else level
            out.append({"id": f"{part}-{name}-{n:02d}", "lang": lang, "level": this_level, "acts": sorted(acts), "situation": name, "messages": messages})
    for name, convs in NEG.items():
        for k, conv in enumerate(split(convs, part) * 2):
            msgs = [{"role": r, "name": "相手" if r == "other" else "自分", "time": "12:00", "text": vary(t, rng), "acts": []} for r, t in conv]
            out.append({"id": f"{part}-neg-{name}-{k:02d}", "lang": "en" if conv[0][1].isascii() else "ja", "level": "safe", "acts": [], "situation": name, "messages": msgs})
    return out


def main() -> None:
    for part, seed in (("train", 19), ("heldout", 1919)):
        folder = OUT / part
        folder.mkdir(parents=True, exist_ok=True)
        rows = build(part, seed)
        with open(folder / "conversations.jsonl", "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(part, len(rows))




def render_screenshots(part: str = "heldout", every: int = 7) -> None:
    """Draw every ``every``-th conversation of a part as a chat screenshot and point its item at it."""
    from gazoguard.talk.render import render_chat

    folder = OUT / part
    rows = [json.loads(line) for line in (folder / "conversations.jsonl").read_text(encoding="utf-8").splitlines()]
    (folder / "screenshots").mkdir(exist_ok=True)
    for k, row in enumerate(rows):
        if k % every == 0:
            render_chat(row["messages"], folder / "screenshots" / f"{row['id']}.png")
            row["screenshot"] = f"screenshots/{row['id']}.png"
    with open(folder / "conversations.jsonl", "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
    render_screenshots()
