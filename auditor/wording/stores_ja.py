"""What goes wrong with the files the tool keeps and writes, in Japanese; stores_en.py likewise."""

WORDS: dict[str, str] = {
    # --- The config file (exit 2); where is the file, or the file and its allow[N] ---
    "config.not_found": "{path}: 設定ファイルが見つかりません",
    "config.not_regular": "{path}: 設定ファイルが通常のファイルではありません（{kind}）",
    "config.too_large": "{path}: {limit}MBを超えています。auditor の設定ファイルではありません",
    "config.cannot_read": "{path}: 設定ファイルを読めません（{reason}）",
    "config.not_utf8": "{path}: 設定ファイルがUTF-8のテキストではありません",
    "config.not_toml": "{path}: TOML形式として正しくありません（{detail}）",
    "config.too_deep": "{path}: TOML形式として正しくありません（配列やテーブルの入れ子が深すぎます）",
    "config.allow_array": "{path}: allow はテーブルの配列（[[allow]]）にしてください（今は {type}）",
    "config.not_table": "{where}: テーブルにしてください（今は {type}）",
    "config.no_wallet": "{where}: キー 'wallet' がありません",
    "config.listed_twice": "{where}: サービス {wallet} が2回書かれています（allow[{first}] にもあります）",
    "config.unknown_key": "{where}: 不明なキー {key} があります（使えるキー：{known}）",
    "config.not_string": "{where}: {key} は文字列にしてください（今は {type}）",
    "config.not_date": "{where}: {key} は日付（YYYY-MM-DD）にしてください（今は {type}）",
    "config.not_choice": "{where}: {key} は {choices} のいずれかにしてください（今は {value}）",
    # A wallet id the catalogue does not know; where ends in ": " or is empty
    "config.unknown_wallet": "{where}サービスID {wallet} はありません{hint}",
    "config.did_you_mean": "（{wallet} のことですか？）",
    # Changing it
    "config.not_listed": "サービス {wallet} は {path} の許可リストにありません",
    "config.not_text": "{key} に、この環境の文字として読めないバイトが含まれています",
    # --- The review answers file (exit 2): the problem, then what to do ---
    "answers.unusable": ("{path}: {problem}。新しい回答ファイルで始めるには、このファイルを別の場所に"
                         "移すか名前を変えてください"),
    "answers.not_regular": "回答ファイルが通常のファイルではありません（{kind}）",
    "answers.too_large": "{limit}MBを超えています。auditor の回答ファイルではありません",
    "answers.cannot_read": "回答ファイルを読めません（{reason}）",
    "answers.not_utf8": "回答ファイルがUTF-8のテキストではありません",
    "answers.not_json": "回答ファイルがJSONとして正しくありません",
    "answers.not_ours": "auditor の回答ファイルではありません",
    "answers.schema": "回答ファイルの形式 {schema} は {expected} ではありません",
    "answers.not_object": "answers はJSONのオブジェクトにしてください",
    "answers.malformed": "{number}番目の回答が壊れています",
    # --- The secret that keys the private hashes (exit 2) ---
    "secret.unusable": ("{path}: auditor の秘密鍵が使えません（{why}）。バックアップから戻すか、"
                        "このファイルを別の場所に移して新しい鍵を作らせてください（その場合、"
                        "--new-only はすべての検出をもう一度報告し、これまでの確認の回答は"
                        "使われなくなります）"),
    "secret.cannot_read": "読めません：{reason}",
    "secret.not_hex": "16進数64桁になっていません",
    "secret.cannot_create": "作れません：{reason}",
    # --- The --new-only state database (exit 2) ---
    "state.busy": "記録データベース {path} は{holder}が使用中です。しばらくしてからもう一度お試しください",
    "state.another_run": "実行中の別の auditor",
    "state.another_program": "別のプログラム",
    "state.not_ours": ("{path} は auditor の記録データベースとして正しくありません（{why}）。"
                       "最初からやり直すには、このファイルを別の場所に移してください"),
    "state.not_a_database": "データベースではありません",
    "state.damaged": "壊れています：{detail}",
    "state.integrity": "壊れています：整合性の検査に失敗しました",
    "state.bad_value": "壊れています：auditor が書くはずのない値が記録されています",
    "state.empty": "空のファイルです",
    "state.not_created": "auditor が作ったファイルではありません",
    "state.alerts_table": "alerts テーブルが想定と違います",
    "state.no_version_table": "schema_version テーブルがありません",
    "state.no_single_version": "形式のバージョンが1つに決まりません",
    "state.unknown_schema": "不明な形式 {version} です",
    "state.newer": ("{path} は新しい auditor が書いたものです（形式 {version}、この auditor が"
                    "扱えるのは {known} まで）。auditor を更新してください"),
    "state.cannot_use": "{path}: 記録データベースを使えません（{detail}）。何も変更していません",
    "state.cannot_create_folder": "{path}: 記録用のフォルダを作れません（{reason}）",
    "state.cannot_lock": "{path}: 記録のロックファイルを開けません（{reason}）",
    "state.cannot_create": "{path}: 記録データベースを作れません（{reason}）",
    # --- Output files and standard output (exit 2) ---
    "output.cannot_write": "{path}: 書き込めません（{reason}）",
    "output.stdout": "標準出力に書き込めません（{reason}）",
    "output.exists": "{path} はすでにあります。上書きするには --force を付けてください",
    "output.cannot_create_folder": "{path}: フォルダを作れません（{reason}）",
    "output.reader_gone": "読み手が{count}バイトを残して終了しました",
    # A file several runs change (the config, the answers), while another run changes it
    "lock.busy": "{path}: 別の実行が{what}を変更中です。しばらくしてからもう一度お試しください",
    "lock.cannot": "{path}: {what}をロックできません（{reason}）",
    "lock.config": "設定ファイル",
    "lock.answers": "回答ファイル",
    # --- What a path names when it is no regular file, and a file past its limit ---
    "file.not_regular": "通常のファイルではありません（{kind}）",
    "file.too_large": "{limit}バイトを超えています",
    "file.kind.folder": "フォルダ",
    "file.kind.fifo": "FIFO（名前付きパイプ）",
    "file.kind.character": "キャラクタデバイス",
    "file.kind.block": "ブロックデバイス",
    "file.kind.socket": "ソケット",
    "file.kind.other": "特殊なファイル",
    # --- The system's reasons; English messages show the system's own words instead ---
    "os.EACCES": "アクセス権がありません",
    "os.EPERM": "操作が許可されていません",
    "os.ENOENT": "ファイルまたはフォルダがありません",
    "os.ENOTDIR": "パスの途中がフォルダではありません",
    "os.EISDIR": "フォルダです",
    "os.EEXIST": "すでにあります",
    "os.ENOSPC": "ディスクの空き容量がありません",
    "os.EDQUOT": "ディスクの割り当て容量を超えました",
    "os.EROFS": "読み取り専用のファイルシステムです",
    "os.EIO": "入出力エラーです",
    "os.EPIPE": "出力先が閉じられました",
    "os.EBUSY": "使用中です",
    "os.ENAMETOOLONG": "ファイル名が長すぎます",
    "os.ELOOP": "シンボリックリンクの階層が深すぎます",
    "os.EMFILE": "開いているファイルが多すぎます",
}
