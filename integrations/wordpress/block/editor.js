/**
 * Editor side of the iwy-agent/agent block, written against WordPress's globals so that it needs
 * no build step. The block is dynamic: PHP renders it, so save() stores only the attributes.
 */
( function ( blocks, element, blockEditor, components, i18n ) {
	const el = element.createElement;
	const __ = i18n.__;

	blocks.registerBlockType( 'iwy-agent/agent', {
		edit( { attributes, setAttributes } ) {
			const set = ( name ) => ( value ) => setAttributes( { [ name ]: value } );
			const controls = el(
				blockEditor.InspectorControls,
				null,
				el(
					components.PanelBody,
					{ title: __( 'Agent', 'iwy-agent' ) },
					el( components.TextControl, {
						label: __( 'Agent id', 'iwy-agent' ),
						help: __( 'Empty: the default agent from Settings → iwy Agent.', 'iwy-agent' ),
						value: attributes.agentId,
						onChange: set( 'agentId' ),
					} ),
					el( components.SelectControl, {
						label: __( 'Display', 'iwy-agent' ),
						value: attributes.mode,
						options: [
							{ label: __( 'Default', 'iwy-agent' ), value: '' },
							{ label: __( 'Floating bubble', 'iwy-agent' ), value: 'floating' },
							{ label: __( 'Inline', 'iwy-agent' ), value: 'inline' },
						],
						onChange: set( 'mode' ),
					} ),
					el( components.TextControl, {
						label: __( 'Language', 'iwy-agent' ),
						help: __( 'e.g. en, de, pt-BR. Empty: the page language.', 'iwy-agent' ),
						value: attributes.lang,
						onChange: set( 'lang' ),
					} )
				)
			);
			// A placeholder, not the live widget: nothing should start a call inside the editor.
			const preview = el( components.Placeholder, {
				icon: 'format-video',
				label: __( 'iwy Agent', 'iwy-agent' ),
				instructions: attributes.agentId || __( 'Default agent', 'iwy-agent' ),
			} );
			return el( 'div', blockEditor.useBlockProps(), controls, preview );
		},
		save: () => null,
	} );
} )( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n );
