module accesslink

go 1.26.8

require (
	github.com/google/uuid v1.6.0 // indirect
	github.com/maxence-charriere/go-app/v9 v9.8.0 // indirect
)
