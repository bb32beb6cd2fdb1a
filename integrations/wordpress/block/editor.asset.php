<?php
/**
 * Dependencies of editor.js (what a build step would generate; there is no build step).
 *
 * @package IwyAgent
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
	'version'      => '0.1.0',
);
