# bash completion for smtpcode(1): options, --list filters and the known codes.
_smtpcode()
{
	local cur prev
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	case $prev in
	--list)
		COMPREPLY=($(compgen -W '2xx 3xx 4xx 5xx basic enhanced x.0 x.1 x.2 x.3 x.4 x.5 x.6 x.7' -- "$cur"))
		return
		;;
	--search|--explain|--since|--until|--domain|--jobs|--code)
		return
		;;
	--class)
		COMPREPLY=($(compgen -W '4 5' -- "$cur"))
		return
		;;
	--scan)
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	esac
	case $cur in
	--format=*)
		COMPREPLY=($(compgen -P --format= -W 'text json markdown html' -- "${cur#--format=}"))
		;;
	--color=*)
		COMPREPLY=($(compgen -P --color= -W 'auto always never' -- "${cur#--color=}"))
		;;
	-*)
		COMPREPLY=($(compgen -W '--list --search --explain --scan --each --since --until --class --code --domain --jobs --json --format=text --format=json
			--format=markdown --format=html --brief --color=auto --color=always --color=never
			--help --version' -- "$cur"))
		;;
	*)
		# the codes the installed smtpcode knows, first column of its list
		COMPREPLY=($(compgen -W "$(smtpcode --list --color=never 2>/dev/null |
			while read -r code _; do printf '%s ' "$code"; done)" -- "$cur"))
		;;
	esac
}
complete -F _smtpcode smtpcode
