std = "lua54"
max_line_length = 120
files["spec/"] = { std = "+busted" }
exclude_files = { "build/" }
-- rule folders: the sandbox gives rules and their modules `vb`
files["examples/custom-rules/"] = { read_globals = { "vb" } }
files["examples/custom-rules/spec/"] = { std = "+busted", read_globals = { "vb" } }
